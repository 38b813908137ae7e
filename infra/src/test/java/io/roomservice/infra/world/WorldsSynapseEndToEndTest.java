package io.roomservice.infra.world;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Worlds on the real Synapse of the test bed: the Space and its children, the custom state events,
 * tag filtering, and a real Synapse user entering, leaving and timing out of an area (a short presence
 * timeout here: {@value #TIMEOUT_SECONDS} s), read back with that user's own token.
 */
@TestPropertySource(properties = "roomservice.worlds.presence-timeout=" + WorldsSynapseEndToEndTest.TIMEOUT_SECONDS + "s")
class WorldsSynapseEndToEndTest extends SynapseLinkedTest {

    /** Short, for the timeout test; the other tests send heartbeats, as a host does, while they wait. */
    static final int TIMEOUT_SECONDS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private String world() {
        String world = UUID.randomUUID().toString();
        var response = api.put("/api/host/worlds/" + world + "/", TestTokens.host(),
                "{\"organisation\": \"acme\", \"slug\": \"hq\", \"name\": \"Headquarters\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return world;
    }

    private String room(String world, String kind, String name, String tags) {
        String room = UUID.randomUUID().toString();
        var response = api.put("/api/host/worlds/" + world + "/rooms/" + room + "/", TestTokens.host(),
                "{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\", \"tags\": " + tags + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return room;
    }

    private String matrixRoomOf(String place) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from cmd_world_places where place_id = ? and matrix_room_id is not null", Integer.class,
                UUID.fromString(place)) == 1);
        return jdbc.queryForObject("select matrix_room_id from cmd_world_places where place_id = ?", String.class,
                UUID.fromString(place));
    }

    private JsonNode state(String roomId, String type, String stateKey) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/" + encode(type) + "/"
                + encode(stateKey), asToken, null);
    }

    private String membership(String roomId, String userId) {
        var response = matrixCall("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/m.room.member/"
                + encode(userId), asToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("membership").asString() : "none";
    }

    private void awaitMembership(String roomId, String userId, String expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(membership(roomId, userId)).isEqualTo(expected));
    }

    /** Waits for the membership, sending the host's heartbeats for the people present meanwhile. */
    private void awaitMembership(String roomId, String userId, String expected, String world, Person... present) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Person person : present) {
                heartbeat(world, person);
            }
            assertThat(membership(roomId, userId)).isEqualTo(expected);
        });
    }

    private void heartbeat(String world, Person person) {
        var response = api.post("/api/host/worlds/" + world + "/presence/heartbeat", TestTokens.host(),
                "{\"person\": \"" + person.uuid() + "\"}");
        assertThat(response.status()).as(response.body()).isIn(200, 202);
    }

    private record Person(UUID uuid, String userId, String token) {
    }

    private Person person(String world, String tags) {
        String localpart = "wa-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = JSON.readTree(synapse.registerUser(localpart, "secret-" + localpart));
        UUID uuid = UUID.randomUUID();
        var member = api.put("/api/host/worlds/" + world + "/members/" + uuid + "/", TestTokens.host(),
                "{\"tags\": " + tags + "}");
        assertThat(member.status()).as(member.body()).isEqualTo(202);
        String userId = registered.get("user_id").asString();
        var linked = api.put("/api/members/" + uuid + "/chatId", TestTokens.host(),
                "{\"chatId\": \"" + userId + "\", \"userIdentifier\": \"" + uuid + "\", \"roomUrl\": \"https://play.example/_/hq\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(202);
        return new Person(uuid, userId, registered.get("access_token").asString());
    }

    private void presence(String world, String area, Person person, String action) {
        var response = api.post("/api/host/worlds/" + world + "/areas/" + area + "/" + action + "/", TestTokens.host(),
                "{\"person\": \"" + person.uuid() + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void aWorldsRoomsAreChildrenOfItsSpaceAndCarryTheirTypeAndTags() {
        String world = world();
        String map = room(world, "map", "Lobby", "[\"dev\", \"ops\"]");
        String area = room(world, "area", "Meeting", "[]");
        String space = matrixRoomOf(world);
        String mapRoom = matrixRoomOf(map);
        String areaRoom = matrixRoomOf(area);

        assertThat(state(space, "m.room.create", "").path("type").asString()).isEqualTo("m.space");
        assertThat(state(space, "m.space.child", mapRoom).path("via").size()).isEqualTo(1);
        assertThat(state(space, "m.space.child", areaRoom).path("via").size()).isEqualTo(1);
        assertThat(state(mapRoom, "m.space.parent", space).path("canonical").asBoolean()).isTrue();
        assertThat(state(areaRoom, "m.space.parent", space).path("canonical").asBoolean()).isTrue();

        assertThat(state(mapRoom, "m.room.name", "").path("name").asString()).isEqualTo("wa-acme-hq-Lobby");
        assertThat(state(mapRoom, "re.workadventu.room_type", "").path("room_type").asString()).isEqualTo("map");
        assertThat(state(mapRoom, "re.workadventu.tags", "").path("tags").asString()).isEqualTo("dev|ops");
        assertThat(state(areaRoom, "re.workadventu.room_type", "").path("room_type").asString()).isEqualTo("area");
        assertThat(state(areaRoom, "m.room.history_visibility", "").path("history_visibility").asString())
                .isEqualTo("joined");
        assertThat(state(areaRoom, "m.room.join_rules", "").path("join_rule").asString()).isEqualTo("invite");
        JsonNode power = state(areaRoom, "m.room.power_levels", "");
        assertThat(List.of(power.path("invite").asInt(), power.path("ban").asInt(), power.path("kick").asInt()))
                .containsExactly(100, 50, 50);

        var renamed = api.put("/api/host/worlds/" + world + "/rooms/" + map + "/", TestTokens.host(),
                "{\"kind\": \"map\", \"name\": \"Hall\", \"tags\": [\"dev\"]}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(state(mapRoom, "m.room.name", "").path("name").asString()).isEqualTo("wa-acme-hq-Hall");
            assertThat(state(mapRoom, "re.workadventu.tags", "").path("tags").asString()).isEqualTo("dev");
        });
    }

    @Test
    void aPersonSeesTheUntaggedMapRoomsAndThoseSharingATagAndIsInvitedToTheSpace() {
        String world = world();
        String open = room(world, "map", "Open", "[]");
        String devs = room(world, "map", "Devs", "[\"dev\"]");
        room(world, "map", "Ops", "[\"ops\"]");
        room(world, "area", "Desk", "[]");
        Person dev = person(world, "[\"dev\"]");
        String space = matrixRoomOf(world);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var listed = api.get("/api/worlds/" + world + "/rooms/?person=" + dev.uuid(), TestTokens.host());
            assertThat(listed.status()).isEqualTo(200);
            var uuids = new ArrayList<String>();
            listed.json().forEach(room -> uuids.add(room.get("uuid").asString()));
            assertThat(uuids).containsExactlyInAnyOrder(open, devs);
        });
        var stranger = api.get("/api/worlds/" + world + "/rooms/?person=" + UUID.randomUUID(), TestTokens.host());
        assertThat(stranger.json().size()).isEqualTo(1);
        assertThat(api.get("/api/worlds/" + UUID.randomUUID() + "/rooms/?person=" + dev.uuid(), TestTokens.host())
                .status()).isEqualTo(404);

        awaitMembership(space, dev.userId(), "invite");
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(space) + "/join", dev.token(), "{}");
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(matrixRoomOf(open)) + "/join", dev.token(), "{}");
    }

    @Test
    void enteringJoinsLeavingKicksAndAReturningPersonDoesNotSeeWhatWasSaidWhileAway() {
        String world = world();
        String area = room(world, "area", "Meeting", "[]");
        Person ada = person(world, "[\"admin\"]");
        Person bob = person(world, "[]");
        String room = matrixRoomOf(area);

        presence(world, area, ada, "enter");
        presence(world, area, bob, "enter");
        awaitMembership(room, ada.userId(), "join", world, ada, bob);
        awaitMembership(room, bob.userId(), "join", world, ada, bob);
        JsonNode power = state(room, "m.room.power_levels", "");
        assertThat(power.path("users").path(ada.userId()).asInt()).isEqualTo(50);
        assertThat(power.path("users").has(bob.userId())).isFalse();

        presence(world, area, bob, "leave");
        awaitMembership(room, bob.userId(), "leave", world, ada);
        heartbeat(world, ada);
        matrix("PUT", "/_matrix/client/v3/rooms/" + encode(room) + "/send/m.room.message/away-" + UUID.randomUUID(),
                ada.token(), "{\"msgtype\": \"m.text\", \"body\": \"said while Bob was away\"}");
        presence(world, area, bob, "enter");
        awaitMembership(room, bob.userId(), "join", world, ada, bob);

        JsonNode messages = matrix("GET", "/_matrix/client/v3/rooms/" + encode(room) + "/messages?dir=b&limit=100",
                bob.token(), null);
        var bodies = new ArrayList<String>();
        messages.path("chunk").forEach(event -> bodies.add(event.path("content").path("body").asString("")));
        assertThat(bodies).doesNotContain("said while Bob was away");

        presence(world, area, ada, "leave");
        awaitMembership(room, ada.userId(), "leave");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(room, "m.room.power_levels", "")
                .path("users").has(ada.userId())).as("a moderator's power goes with the kick").isFalse());
    }

    @Test
    void aPersonWithoutHeartbeatIsKickedAfterThePresenceTimeoutAndMayComeBack() {
        String world = world();
        String area = room(world, "area", "Kitchen", "[]");
        Person cleo = person(world, "[]");
        String room = matrixRoomOf(area);

        presence(world, area, cleo, "enter");
        awaitMembership(room, cleo.userId(), "join", world, cleo);
        // no heartbeat from here: the presence timeout kicks, which is not a ban
        await().atMost(PATIENCE.plusSeconds(TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(membership(room, cleo.userId())).isEqualTo("leave"));
        presence(world, area, cleo, "enter");
        awaitMembership(room, cleo.userId(), "join", world, cleo);
    }

    @Test
    void deletingAnAreaKicksEveryoneAndTheBotLeaves() {
        String world = world();
        String area = room(world, "area", "Lounge", "[]");
        Person dan = person(world, "[]");
        String room = matrixRoomOf(area);
        presence(world, area, dan, "enter");
        awaitMembership(room, dan.userId(), "join", world, dan);

        var deleted = api.delete("/api/host/worlds/" + world + "/rooms/" + area + "/", TestTokens.host());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        awaitMembership(room, dan.userId(), "leave");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(matrix("GET", "/_matrix/client/v3/joined_rooms", asToken, null).path("joined_rooms")
                        .toString()).doesNotContain(room));
    }
}
