package io.roomservice.infra.deployment;

import io.roomservice.infra.support.RawHttp;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployment's catalogue and Rasenmaeher's callbacks against the real Synapse, read back through
 * Synapse's admin API: callbacks before the catalogue exists wait (the last admin action wins), the
 * bootstrap makes the Space and rooms with every state event the deployment needs, a second one changes
 * nothing, a real user's lifecycle shows in Synapse after each callback, and callers without
 * Rasenmaeher's certificate are refused with nothing recorded. Rasenmaeher calls through a trusted
 * TLS-terminating proxy here (127.0.0.2); the TLS connector is {@link RasenmaeherCertificateEndToEndTest}'s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        "roomservice.deployment.enabled=true",
        "roomservice.deployment.name=" + DeploymentOnSynapseEndToEndTest.DEPLOYMENT,
        // the test decides when the first bootstrap runs: callbacks come before it
        "roomservice.deployment.bootstrap-on-start=false",
        "roomservice.deployment.callers.trusted-proxies=" + DeploymentOnSynapseEndToEndTest.PROXY})
class DeploymentOnSynapseEndToEndTest extends SynapseLinkedTest {

    static final String DEPLOYMENT = "ops";
    static final String PROXY = "127.0.0.2";
    private static final String RASENMAEHER_DN = "CN=rasenmaeher,O=pvarki";
    private static final List<String> EVERYONES = List.of("space", "general", "helpdesk", "offtopic");

    @org.springframework.beans.factory.annotation.Autowired
    io.roomservice.infra.homeserver.SynapseAdmin synapseAdmin;

    private String adminToken;
    private String suffix;

    @BeforeAll
    void anAdminOfTheTestHomeserverToReadEveryRoom() {
        suffix = SynapseTestBed.randomHex(3);
        adminToken = JSON.readTree(synapse.registerAdmin("auditor-" + suffix, "auditor-password-" + suffix))
                .get("access_token").asString();
    }

    /** A callback as Rasenmaeher makes it through the proxy; answers the status. */
    private RawHttp.Answer callback(String action, UUID user, String callsign) {
        return callback(PROXY, RASENMAEHER_DN, action, user, callsign);
    }

    private RawHttp.Answer callback(String from, String dn, String action, UUID user, String callsign) {
        Map<String, String> headers = new HashMap<>();
        if (dn != null) {
            headers.put("X-ClientCert-DN", dn);
        }
        return RawHttp.sendFrom(from, port, action.equals("updated") ? "PUT" : "POST", "/api/v1/users/" + action,
                headers, "{\"uuid\": \"" + user + "\", \"callsign\": \"" + callsign + "\", \"x509cert\": \"PEM\"}");
    }

    private String registered(String localpart) {
        synapse.registerUser(localpart, "password-" + localpart);
        return "@" + localpart + ":" + synapse.serverName();
    }

    private JsonNode deployment() {
        var answer = api.get("/api/admin/deployment/", TestTokens.staff());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String bootstrap() {
        var started = api.post("/api/admin/deployment/bootstrap/", TestTokens.staff(), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("bootstrap_id").asString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode last = deployment().get("last_bootstrap");
            assertThat(last.get("id").asString()).isEqualTo(id);
            assertThat(last.get("state").asString()).as(last.toString()).isEqualTo("completed");
        });
        return id;
    }

    private Map<String, String> rooms() {
        Map<String, String> rooms = new HashMap<>();
        deployment().get("rooms").forEach(room -> rooms.put(room.get("key").asString(), room.get("room_id").asString()));
        return rooms;
    }

    /** Every state event of the room, by {@code type|state key}, through Synapse's admin API. */
    private Map<String, JsonNode> state(String roomId) {
        Map<String, JsonNode> state = new HashMap<>();
        matrix("GET", "/_synapse/admin/v1/rooms/" + encode(roomId) + "/state", adminToken, null).get("state")
                .forEach(event -> state.put(event.get("type").asString() + "|" + event.get("state_key").asString(), event));
        return state;
    }

    private JsonNode content(String roomId, String type, String stateKey) {
        JsonNode event = state(roomId).get(type + "|" + stateKey);
        return event == null ? null : event.get("content");
    }

    private String membership(String roomId, String user) {
        JsonNode member = content(roomId, "m.room.member", user);
        return member == null ? null : member.get("membership").asString();
    }

    private JsonNode level(String roomId, String user) {
        return content(roomId, "m.room.power_levels", "").path("users").get(user);
    }

    private Integer levelNumber(String roomId, String user) {
        JsonNode level = level(roomId, user);
        return level == null ? null : level.asInt();
    }

    private long recorded(String eventType, UUID user) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, user.toString(), "%" + eventType);
    }

    @Test
    @Order(1)
    void callbacks_before_the_catalogue_exists_wait_for_it_and_a_demotion_after_a_promotion_wins() {
        String alpha = registered("alpha-" + suffix);
        String bravo = registered("bravo-" + suffix);
        UUID alphaId = UUID.randomUUID();
        UUID bravoId = UUID.randomUUID();
        assertThat(callback("created", alphaId, "Alpha-" + suffix).status()).isEqualTo(200);
        assertThat(callback("promoted", bravoId, "BRAVO-" + suffix).status()).isEqualTo(200);
        assertThat(callback("demoted", bravoId, "BRAVO-" + suffix).status()).isEqualTo(200);
        assertThat(deployment().get("ready").asBoolean()).isFalse();

        bootstrap();

        Map<String, String> rooms = rooms();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String key : EVERYONES) {
                assertThat(membership(rooms.get(key), alpha)).as(key).isEqualTo("join");
            }
            assertThat(recorded("DeploymentUserActionApplied", bravoId)).isEqualTo(1);
        });
        // only the demotion ran: bravo was never joined to the admin room nor raised
        assertThat(membership(rooms.get("admin"), bravo)).isNull();
        assertThat(level(rooms.get("general"), bravo)).isNull();
        assertThat(membership(rooms.get("admin"), alpha)).isNull();
    }

    @Test
    @Order(2)
    void the_bootstrap_made_the_space_and_its_rooms_with_their_state() {
        Map<String, String> rooms = rooms();
        String bot = "@roomservice-admin:" + synapse.serverName();
        String space = rooms.get("space");
        assertThat(deployment().get("ready").asBoolean()).isTrue();
        assertThat(content(space, "m.room.create", "").get("type").asString()).isEqualTo("m.space");
        assertThat(content(space, "m.room.join_rules", "").get("join_rule").asString()).isEqualTo("invite");
        assertThat(content(space, "m.room.name", "").get("name").asString()).isEqualTo(DEPLOYMENT);
        assertThat(content(space, "m.room.power_levels", "").get("events").get("m.space.child").asInt()).isZero();
        Map<String, String> names = Map.of("admin", "96-Admin channel", "offtopic", "97-Offtopic",
                "general", "98-General", "helpdesk", "99-Helpdesk");
        names.forEach((key, name) -> {
            String room = rooms.get(key);
            assertThat(matrix("GET", "/_matrix/client/v3/directory/room/" + encode("#" + DEPLOYMENT + "-" + key + ":"
                    + synapse.serverName()), adminToken, null).get("room_id").asString()).isEqualTo(room);
            assertThat(content(room, "m.room.name", "").get("name").asString()).isEqualTo(name);
            assertThat(content(room, "m.room.encryption", "").get("algorithm").asString())
                    .isEqualTo("m.megolm.v1.aes-sha2");
            assertThat(content(room, "m.room.history_visibility", "").get("history_visibility").asString())
                    .isEqualTo("joined");
            JsonNode levels = content(room, "m.room.power_levels", "");
            assertBotAbovePeople(room, levels, bot, key);
            for (String call : List.of("m.call.invite", "org.matrix.msc3401.call", "org.matrix.msc3401.call.member")) {
                assertThat(levels.get("events").get(call).asInt()).as(key + " " + call).isZero();
            }
            assertThat(content(space, "m.space.child", room).get("via").get(0).asString())
                    .isEqualTo(synapse.serverName());
            JsonNode joinRule = content(room, "m.room.join_rules", "");
            if (key.equals("admin")) {
                assertThat(joinRule.get("join_rule").asString()).isEqualTo("invite");
            } else {
                assertThat(joinRule.get("join_rule").asString()).isEqualTo("restricted");
                assertThat(joinRule.get("allow").get(0).get("room_id").asString()).isEqualTo(space);
                assertThat(content(room, "m.room.topic", "").get("topic").asString()).isNotBlank();
            }
        });
    }

    /**
     * The bot can always demote an admin (at 100): named at 200 in room versions before 12; from 12 on,
     * as the room's creator, above every level (and not named in {@code users}, which Synapse refuses).
     */
    private void assertBotAbovePeople(String room, JsonNode levels, String bot, String key) {
        JsonNode create = state(room).get("m.room.create|");
        int version = Integer.parseInt(create.get("content").get("room_version").asString());
        if (version >= 12) {
            assertThat(create.get("sender").asString()).as(key).isEqualTo(bot);
            assertThat(levels.path("users").has(bot)).as(key).isFalse();
        } else {
            assertThat(levels.get("users").get(bot).asInt()).as(key).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void a_second_bootstrap_creates_nothing_and_leaves_every_state_event_as_it_was() {
        Map<String, String> rooms = rooms();
        Map<String, Map<String, String>> before = new HashMap<>();
        rooms.forEach((key, room) -> before.put(key, eventIds(room)));

        bootstrap();

        assertThat(rooms()).isEqualTo(rooms);
        rooms.forEach((key, room) -> assertThat(eventIds(room)).as(key).isEqualTo(before.get(key)));
        deployment().get("last_bootstrap").get("steps").forEach(step -> {
            String name = step.get("step").asString();
            if (name.startsWith("room:")) {
                assertThat(step.get("outcome").asString()).as(name).isEqualTo("found");
            }
            if (name.startsWith("state:")) {
                assertThat(step.get("outcome").asString()).as(name).isEqualTo("unchanged");
            }
        });
    }

    private Map<String, String> eventIds(String room) {
        Map<String, String> ids = new HashMap<>();
        state(room).forEach((key, event) -> ids.put(key, event.get("event_id").asString()));
        return ids;
    }

    @Test
    @Order(4)
    void a_real_users_lifecycle_shows_in_synapse_after_each_callback() {
        String charlie = registered("charlie-" + suffix);
        UUID charlieId = UUID.randomUUID();
        Map<String, String> rooms = rooms();

        assertThat(callback("created", charlieId, "Charlie-" + suffix).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> EVERYONES.forEach(key ->
                assertThat(membership(rooms.get(key), charlie)).as(key).isEqualTo("join")));

        assertThat(callback("promoted", charlieId, "Charlie-" + suffix).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(membership(rooms.get("admin"), charlie)).isEqualTo("join");
            EVERYONES.forEach(key -> {
                JsonNode level = level(rooms.get(key), charlie);
                assertThat(level == null ? null : level.asInt()).as(key).isEqualTo(100);
            });
        });

        assertThat(callback("demoted", charlieId, "Charlie-" + suffix).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(membership(rooms.get("admin"), charlie)).isEqualTo("leave");
            EVERYONES.forEach(key -> assertThat(level(rooms.get(key), charlie)).as(key).isNull());
        });

        assertThat(callback("updated", charlieId, "Charlie2-" + suffix).status()).isEqualTo(200);
        assertThat(callback("revoked", charlieId, "Charlie-" + suffix).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(matrix("GET",
                "/_synapse/admin/v2/users/" + encode(charlie), adminToken, null).get("deactivated").asBoolean()).isTrue());
        assertThat(recorded("DeploymentUserCallbackRecorded", charlieId)).isEqualTo(5);
    }

    @Test
    @Order(5)
    void the_reconciliation_finds_an_alias_removed_behind_its_back_and_a_bootstrap_binds_it_to_the_same_room() {
        Map<String, String> rooms = rooms();
        String alias = "#" + DEPLOYMENT + "-helpdesk:" + synapse.serverName();
        var deleted = matrixCall("DELETE", "/_matrix/client/v3/directory/room/" + encode(alias), adminToken, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(reconcile(true)).singleElement().satisfies(difference -> {
            assertThat(difference.get("kind").asString()).isEqualTo("alias");
            assertThat(difference.get("room_id").asString()).isEqualTo(rooms.get("helpdesk"));
        });

        reconcile(false);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(matrixCall("GET", "/_matrix/client/v3/directory/room/" + encode(alias), adminToken, null)
                        .body()).contains(rooms.get("helpdesk")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reconcile(true)).isEmpty());
        assertThat(rooms()).isEqualTo(rooms);
    }

    /** The deployment's differences of a reconciliation run. */
    private List<JsonNode> reconcile(boolean dryRun) {
        var response = api.post("/api/admin/reconcile/", TestTokens.staff(), "{\"dry_run\": " + dryRun + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        response.json().path("differences").forEach(d -> {
            if (d.path("subject").asString().equals("deployment:" + DEPLOYMENT)) {
                found.add(d);
            }
        });
        return found;
    }

    @Test
    @Order(6)
    void the_reconciliation_finds_a_user_kicked_and_an_admin_lowered_behind_its_back_and_applies_their_actions_again() {
        String delta = registered("delta-" + suffix);
        UUID deltaId = UUID.randomUUID();
        Map<String, String> rooms = rooms();
        assertThat(callback("created", deltaId, "Delta-" + suffix).status()).isEqualTo(200);
        assertThat(callback("promoted", deltaId, "Delta-" + suffix).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(membership(rooms.get("admin"), delta)).isEqualTo("join");
            assertThat(membership(rooms.get("general"), delta)).isEqualTo("join");
            assertThat(levelNumber(rooms.get("helpdesk"), delta)).isEqualTo(100);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(userDifferences(deltaId, true)).isEmpty());

        // roomservice's own admin account, as an operator with its token would, behind roomservice's back
        var operator = synapseAdmin.adminIdentity();
        assertThat(operator.post("/_matrix/client/v3/rooms/" + encode(rooms.get("general")) + "/kick",
                Map.of("user_id", delta, "reason", "behind the back")).successful()).isTrue();
        var levels = (tools.jackson.databind.node.ObjectNode) content(rooms.get("helpdesk"), "m.room.power_levels", "");
        ((tools.jackson.databind.node.ObjectNode) levels.get("users")).put(delta, 0);
        assertThat(operator.put("/_matrix/client/v3/rooms/" + encode(rooms.get("helpdesk"))
                + "/state/m.room.power_levels/", JSON.convertValue(levels, Map.class)).successful()).isTrue();

        assertThat(userDifferences(deltaId, true)).extracting(d -> d.get("kind").asString() + " "
                + d.get("room_id").asString() + " " + d.get("member").asString())
                .containsExactlyInAnyOrder("membership " + rooms.get("general") + " " + delta,
                        "power-level " + rooms.get("helpdesk") + " " + delta);

        userDifferences(deltaId, false);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membership(rooms.get("general"), delta)).isEqualTo("join");
            assertThat(levelNumber(rooms.get("helpdesk"), delta)).isEqualTo(100);
        });
        assertThat(userDifferences(deltaId, true)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%DeploymentUserResyncRequested' "
                + "and convert_from(meta_data, 'UTF8') like '%\"actor\":\"reconciliation\"%'", Long.class,
                deltaId.toString())).isEqualTo(1);
    }

    /** The differences of one deployment user in a reconciliation run. */
    private List<JsonNode> userDifferences(UUID user, boolean dryRun) {
        var response = api.post("/api/admin/reconcile/", TestTokens.staff(), "{\"dry_run\": " + dryRun + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        response.json().path("differences").forEach(d -> {
            if (d.path("subject").asString().equals("deployment-user:" + user)) {
                found.add(d);
            }
        });
        return found;
    }

    @Test
    @Order(7)
    void callers_without_rasenmaehers_certificate_are_refused_and_nothing_is_recorded() {
        UUID user = UUID.randomUUID();
        var wrongCn = callback(PROXY, "CN=mallory,O=pvarki", "created", user, "mallory");
        var noCertificate = callback(PROXY, null, "created", user, "mallory");
        var untrustedAddress = callback("127.0.0.1", RASENMAEHER_DN, "created", user, "mallory");
        var bearer = api.post("/api/v1/users/created", TestTokens.host(),
                "{\"uuid\": \"" + user + "\", \"callsign\": \"mallory\"}");

        for (var refused : List.of(wrongCn, noCertificate, untrustedAddress)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(bearer.status()).isEqualTo(403);
        assertThat(recorded("DeploymentUserCallbackRecorded", user)).isZero();

        var badCallsign = callback("created", user, "not a user");
        assertThat(badCallsign.status()).isEqualTo(400);
        assertThat(badCallsign.body()).contains("callsign");
        assertThat(recorded("DeploymentUserCallbackRecorded", user)).isZero();
    }
}
