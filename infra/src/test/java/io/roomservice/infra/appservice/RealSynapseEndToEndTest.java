package io.roomservice.infra.appservice;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * roomservice and a real Synapse, linked the way an administrator links them: the registration YAML
 * returned by the setup endpoint is the file Synapse loads. Then diagnostics, provisioning, a message
 * from a Synapse user, an outage, and a move to a fresh homeserver, in that order, over HTTP only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RealSynapseEndToEndTest extends SynapseLinkedTest {

    /** Rooms this suite made active: uuid to Matrix room id. */
    private final Map<String, String> activeRooms = new LinkedHashMap<>();

    // ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void with_the_registration_from_setup_loaded_every_diagnostic_passes() {
        var report = api.get("/api/admin/matrix/diagnostics/", TestTokens.staff());

        assertThat(report.status()).isEqualTo(200);
        Map<String, JsonNode> checks = new HashMap<>();
        report.json().get("checks").forEach(c -> checks.put(c.get("name").asString(), c));
        // room_stats judges the whole database, which other suites share; every link check must pass
        checks.remove("room_stats");
        assertThat(checks.values()).allSatisfy(check ->
                assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue());
        assertThat(checks.get("bot_whoami").get("detail").asString())
                .contains("@roomservice-bot:" + synapse.serverName());
        assertThat(checks.get("appservice_ping").get("metrics").get("duration_ms").asLong()).isNotNegative();
        assertThat(report.body()).doesNotContain(asToken);
    }

    @Test
    @Order(2)
    void a_room_created_over_http_exists_in_synapse_as_planned() {
        var project = registerProject("Apollo mission control");
        var room = createRoom(project);

        var active = awaitRoom(room, "active");

        String matrixRoomId = active.get("room_id").asString();
        String alias = "#rs-" + project.replace("-", "") + ":" + synapse.serverName();
        assertThat(active.get("room_alias").asString()).isEqualTo(alias);
        assertThat(matrix("GET", "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null)
                .get("room_id").asString()).isEqualTo(matrixRoomId);

        Map<String, JsonNode> state = new HashMap<>();
        matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/state", asToken, null)
                .forEach(e -> state.put(e.get("type").asString(), e.get("content")));
        assertThat(state.get("m.room.name").get("name").asString()).isEqualTo("Apollo mission control");
        assertThat(state.get("m.room.join_rules").get("join_rule").asString()).isEqualTo("invite");
        assertThat(state.get("m.room.history_visibility").get("history_visibility").asString()).isEqualTo("shared");
        assertThat(state.get("m.room.guest_access").get("guest_access").asString()).isEqualTo("forbidden");
        assertThat(state.get("m.room.create").get("m.federate").asBoolean(true)).isFalse();
        assertThat(state.get("m.room.create").get("room_version").asString()).isEqualTo("11");
        assertThat(state.get("m.room.power_levels").get("users").get("@roomservice-bot:" + synapse.serverName())
                .asInt()).isEqualTo(100);
        activeRooms.put(room, matrixRoomId);
    }

    @Test
    @Order(3)
    void a_message_a_synapse_user_sends_in_the_room_reaches_roomservice_and_is_recorded() {
        var room = createRoom(registerProject("Gemini chat"));
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        activeRooms.put(room, matrixRoomId);
        // the member sync after activation removes whoever has no role in the project: an invitation
        // sent before it finished would be withdrawn by it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/audit/rooms/" + room + "/events", TestTokens.auditor()).body().contains("MemberSyncFinished"));
        JsonNode alice = JSON.readTree(synapse.registerUser("e2e-alice-" + SynapseTestBed.randomHex(4),
                "alice-password-" + SynapseTestBed.randomHex(8)));
        String aliceId = alice.get("user_id").asString();
        String aliceToken = alice.get("access_token").asString();

        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/invite", asToken,
                "{\"user_id\": \"" + aliceId + "\"}");
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/join", aliceToken, "{}");
        String eventId = matrix("PUT", "/_matrix/client/v3/rooms/" + encode(matrixRoomId)
                        + "/send/m.room.message/e2e-" + UUID.randomUUID(), aliceToken,
                "{\"msgtype\": \"m.text\", \"body\": \"Hello from Synapse\"}").get("event_id").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            var timeline = api.get("/api/audit/rooms/" + room + "/timeline", TestTokens.auditor()).json().get("events");
            Map<String, JsonNode> byId = new HashMap<>();
            timeline.forEach(e -> byId.put(e.get("event_id").asString(), e));
            assertThat(byId).containsKey(eventId);
            assertThat(byId.get(eventId).get("body").asString()).isEqualTo("Hello from Synapse");
            assertThat(byId.get(eventId).get("sender").asString()).isEqualTo(aliceId);
            assertThat(timeline).anySatisfy(e -> {
                assertThat(e.get("state_key").asString()).isEqualTo(aliceId);
                assertThat(e.get("membership").asString()).isEqualTo("join");
            });
        });
    }

    @Test
    @Order(4)
    void with_synapse_down_a_room_ends_in_error_and_retry_makes_it_active_once_synapse_is_back() {
        synapse.stop();
        String room;
        try {
            room = createRoom(registerProject("Vostok"));
            var erred = awaitRoom(room, "error");
            assertThat(erred.get("error_message").asString())
                    .contains("Homeserver unreachable at " + synapse.url()).doesNotContain(asToken);
        } finally {
            synapse.start();
        }

        var retry = api.post("/api/matrix/rooms/" + room + "/retry/", TestTokens.staff(), null);
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);

        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        assertThat(matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/joined_members", asToken, null)
                .get("joined").has("@roomservice-bot:" + synapse.serverName())).isTrue();
        activeRooms.put(room, matrixRoomId);
    }

    @Test
    @Order(5)
    void reprovision_recreates_the_active_rooms_on_a_fresh_synapse() {
        assertThat(activeRooms).hasSize(3);
        synapse.startFresh();

        var response = api.post("/api/admin/matrix/reprovision/", TestTokens.staff(), null);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rooms_reprovisioned").asInt()).isGreaterThanOrEqualTo(activeRooms.size());
        // the shortcut started a migration: it completes, and reports each of these rooms migrated
        // under the Matrix room id the room now has (other suites' rooms in the database may fail)
        String migration = "/api/admin/matrix/migrations/" + response.json().get("uuid").asString() + "/";
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.get(migration, TestTokens.staff()).json().get("state").asString())
                        .isEqualTo("completed"));
        Map<String, JsonNode> outcomes = new HashMap<>();
        api.get(migration, TestTokens.staff()).json().get("rooms")
                .forEach(outcome -> outcomes.put(outcome.get("uuid").asString(), outcome));
        activeRooms.forEach((room, oldMatrixRoomId) -> {
            assertThat(outcomes.get(room).get("outcome").asString()).as(room).isEqualTo("migrated");
            assertThat(outcomes.get(room).get("matrix_room_id").asString()).isNotEqualTo(oldMatrixRoomId);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                var view = api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json();
                assertThat(view.get("state").asString()).isEqualTo("active");
                assertThat(view.get("room_id").asString()).isNotEqualTo(oldMatrixRoomId);
            });
            var view = api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json();
            assertThat(view.get("room_id").asString()).isEqualTo(outcomes.get(room).get("matrix_room_id").asString());
            assertThat(matrix("GET", "/_matrix/client/v3/directory/room/" + encode(view.get("room_alias").asString()),
                    asToken, null).get("room_id").asString()).isEqualTo(view.get("room_id").asString());
        });
    }

    @Test
    @Order(6)
    void renaming_the_project_renames_its_room_in_synapse() {
        var customer = UUID.randomUUID().toString();
        var project = registerProject("Skylab", customer);
        var room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();

        var renamed = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + customer + "\", \"name\": \"Skylab II\"}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/state/m.room.name/",
                        asToken, null).get("name").asString()).isEqualTo("Skylab II"));
        assertThat(awaitRoom(room, "active").get("room_name").asString()).isEqualTo("Skylab II");
    }
}
