package io.roomservice.infra.reconciliation;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciliation of project rooms against the real Synapse, and of rooms the homeserver no longer
 * shows: what was changed behind roomservice's back (a member kicked, the alias deleted, the name
 * changed) is listed by a dry run and repaired by a real one, read back from Synapse; a room purged
 * behind its back is listed as such and stops the comparison of no other room. (The group rooms'
 * drift is in {@code GroupRoomsOnSynapseEndToEndTest}.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReconciliationOnSynapseEndToEndTest extends SynapseLinkedTest {

    private static final String DOMAIN = System.getenv().getOrDefault("SYNAPSE_SERVER_NAME", "roomservice.test");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ACTOR_EVENTS = """
            select payload_type from domain_event_entry where aggregate_identifier = ?
               and convert_from(meta_data, 'UTF8') like '%"actor":"reconciliation"%'""";

    @BeforeAll
    void aFreshHomeserver() {
        // group aliases are bound by roomservice's Synapse admin account, registered on first use; an earlier
        // suite's account (its password gone with that suite's secrets) would refuse the login
        synapse.startFresh();
    }

    /** The differences a run lists for one subject ({@code room:<uuid>}, {@code group:<uuid>}). */
    private List<JsonNode> differencesOf(String subject, boolean dryRun) {
        var response = api.post("/api/admin/reconcile/", TestTokens.staff(), "{\"dry_run\": " + dryRun + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.json().path("differences").forEach(d -> {
            if (d.path("subject").asString().equals(subject)) {
                found.add(d);
            }
        });
        return found;
    }

    private String membership(String roomId, String matrixId) {
        var response = matrixCall("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/m.room.member/"
                + encode(matrixId), asToken, null);
        return response.statusCode() == 404 ? "none" : JSON.readTree(response.body()).path("membership").asString();
    }

    private void awaitMembership(String roomId, String matrixId, String expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(membership(roomId, matrixId)).isEqualTo(expected));
    }

    private JsonNode state(String roomId, String type) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/" + encode(type) + "/", asToken,
                null);
    }

    private String resolve(String alias) {
        var response = matrixCall("GET", "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null);
        return response.statusCode() == 404 ? null : JSON.readTree(response.body()).path("room_id").asString();
    }

    /** An active project room: its uuid and its Matrix room id. */
    private String[] activeRoom(String name) {
        String room = createRoom(registerProject(name));
        return new String[] {room, awaitRoom(room, "active").get("room_id").asString()};
    }

    @Test
    void the_reconciliation_brings_back_a_project_member_kicked_behind_its_back() {
        String project = registerProject("Reconciled project");
        String room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        String username = "recon-" + SynapseTestBed.randomHex(3);
        UUID person = registerPerson(username, "Recon Person");
        assertThat(api.put("/api/host/projects/" + project + "/roles/" + person + "/member/", TestTokens.host(), "")
                .status()).isEqualTo(202);
        String matrixId = "@rs-" + username + ":" + DOMAIN;
        awaitMembership(matrixRoomId, matrixId, "join");
        assertThat(differencesOf("room:" + room, true)).isEmpty();

        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/kick", asToken,
                "{\"user_id\": \"" + matrixId + "\", \"reason\": \"behind the back\"}");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(differencesOf("room:" + room, true))
                        .extracting(d -> d.path("kind").asString() + " " + d.path("member").asString())
                        .containsExactly("membership " + matrixId));

        assertThat(differencesOf("room:" + room, false)).hasSize(1);
        awaitMembership(matrixRoomId, matrixId, "join");
        assertThat(jdbc.queryForList(ACTOR_EVENTS, String.class, room))
                .contains("io.roomservice.api.membership.MemberSyncRequested");
    }

    @Test
    void the_reconciliation_lists_a_project_rooms_deleted_alias_and_changed_name_and_repairs_them() {
        String[] room = activeRoom("Aliased project");
        String subject = "room:" + room[0];
        String alias = api.get("/api/matrix/rooms/" + room[0] + "/", TestTokens.staff()).json().get("room_alias")
                .asString();
        assertThat(alias).startsWith("#rs-").endsWith(":" + DOMAIN);
        assertThat(differencesOf(subject, true)).isEmpty();

        // behind roomservice's back, with the bot's own token: the alias deleted, the name changed
        matrix("DELETE", "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null);
        matrix("PUT", "/_matrix/client/v3/rooms/" + encode(room[1]) + "/state/m.room.name/", asToken,
                "{\"name\": \"Renamed behind the back\"}");

        assertThat(differencesOf(subject, true))
                .extracting(d -> d.path("room_id").asString() + " " + d.path("kind").asString())
                .containsExactlyInAnyOrder(room[1] + " alias", room[1] + " room-state");
        assertThat(resolve(alias)).as("a dry run repairs nothing").isNull();

        assertThat(differencesOf(subject, false)).hasSize(2);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(resolve(alias)).isEqualTo(room[1]);
            assertThat(state(room[1], "m.room.canonical_alias").path("alias").asString()).isEqualTo(alias);
            assertThat(state(room[1], "m.room.name").path("name").asString()).isEqualTo("Aliased project");
        });
        assertThat(jdbc.queryForList(ACTOR_EVENTS, String.class, room[0]))
                .containsExactly("io.roomservice.api.room.RoomStateRepairRequested");
        assertThat(api.get("/actuator/prometheus", TestTokens.staff()).body())
                .contains("roomservice_reconciliation_repairs_total{kind=\"alias\",room_kind=\"project\"}");
        assertThat(differencesOf(subject, true)).isEmpty();
    }

    @Test
    void rooms_purged_behind_its_back_are_listed_as_unreadable_and_the_other_rooms_are_still_compared() {
        String[] purged = activeRoom("Purged project");
        String[] renamed = activeRoom("Still compared");
        String group = UUID.randomUUID().toString();
        String slug = "purged-" + SynapseTestBed.randomHex(3);
        assertThat(api.put("/api/host/groups/" + group + "/", TestTokens.host(), """
                {"slug": "%s", "name": "Purged group", "url": "https://groups.example.org/%s/"}""".formatted(slug, slug))
                .status()).isEqualTo(202);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> resolve("#" + slug + ":" + DOMAIN) != null
                && resolve("#" + slug + "-private:" + DOMAIN) != null && jdbc.queryForObject(
                "select count(*) from group_rooms where group_id = ?::uuid and private_room_id is not null",
                Integer.class, group) == 1);
        String groupRoom = resolve("#" + slug + ":" + DOMAIN);

        // an administrator purges a project room and a group room; another room is renamed
        String admin = JSON.readTree(synapse.registerAdmin("purge-admin-" + SynapseTestBed.randomHex(3),
                "admin-password")).get("access_token").asString();
        for (String roomId : List.of(purged[1], groupRoom)) {
            String deletion = matrix("DELETE", "/_synapse/admin/v2/rooms/" + encode(roomId), admin,
                    "{\"purge\": true}").get("delete_id").asString();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> "complete".equals(matrix("GET",
                    "/_synapse/admin/v2/rooms/delete_status/" + encode(deletion), admin, null).path("status")
                    .asString()));
        }
        matrix("PUT", "/_matrix/client/v3/rooms/" + encode(renamed[1]) + "/state/m.room.name/", asToken,
                "{\"name\": \"Renamed behind the back\"}");

        var response = api.post("/api/admin/reconcile/", TestTokens.staff(), "{\"dry_run\": true}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("failures")).as("no kind of room stopped").isEmpty();
        List<String> found = new ArrayList<>();
        response.json().path("differences").forEach(d -> found.add(d.path("subject").asString() + " "
                + d.path("room_id").asString() + " " + d.path("kind").asString()));
        assertThat(found).contains("room:" + purged[0] + " " + purged[1] + " room",
                "group:" + group + " " + groupRoom + " room",
                "room:" + renamed[0] + " " + renamed[1] + " room-state");
        assertThat(found).filteredOn(f -> f.startsWith("room:" + purged[0]) || f.startsWith("group:" + group))
                .hasSize(2);

        // a real run repairs what it can and leaves the purged rooms to staff
        var repaired = differencesOf("room:" + renamed[0], false);
        assertThat(repaired).extracting(d -> d.path("kind").asString()).containsExactly("room-state");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                state(renamed[1], "m.room.name").path("name").asString()).isEqualTo("Still compared"));
        assertThat(jdbc.queryForList(ACTOR_EVENTS, String.class, purged[0])).isEmpty();
        assertThat(jdbc.queryForList(ACTOR_EVENTS, String.class, group)).isEmpty();

        // staff's remedy: the group's rooms found again by their aliases, the purged one made anew
        String privateRoom = resolve("#" + slug + "-private:" + DOMAIN);
        assertThat(api.post("/api/admin/groups/" + group + "/reprovision/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            String publicRoom = resolve("#" + slug + ":" + DOMAIN);
            return publicRoom != null && !publicRoom.equals(groupRoom) && publicRoom.equals(jdbc.queryForObject(
                    "select public_room_id from group_rooms where group_id = ?::uuid", String.class, group));
        });
        assertThat(jdbc.queryForObject("select private_room_id from group_rooms where group_id = ?::uuid",
                String.class, group)).as("the room its alias still leads to is kept").isEqualTo(privateRoom);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(differencesOf("group:" + group, true)).isEmpty());
    }
}
