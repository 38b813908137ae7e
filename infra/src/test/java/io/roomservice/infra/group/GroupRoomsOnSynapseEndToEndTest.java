package io.roomservice.infra.group;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group rooms in the real Synapse: the two rooms and their state, members invited, kicked and re-invited
 * under a new id, announcements routed public or private and posted once, and no repeat invitation for
 * someone who declined, and the reconciliation finding and repairing what was changed behind roomservice's
 * back. Everything is read back from Synapse.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupRoomsOnSynapseEndToEndTest extends SynapseLinkedTest {

    private static final String DOMAIN = System.getenv().getOrDefault("SYNAPSE_SERVER_NAME", "roomservice.test");
    private static final String LISTENER = "#rs-group-listener:" + DOMAIN;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void listenerRoom(DynamicPropertyRegistry registry) {
        registry.add("roomservice.groups.listener-rooms", () -> LISTENER);
    }

    private String listenerRoomId;

    @BeforeAll
    void aListenerRoomOfTheBot() {
        // the group aliases are bound by roomservice's Synapse admin account, registered on first use; an
        // earlier suite's account (its password gone with that suite's secrets) would refuse the login
        synapse.startFresh();
        listenerRoomId = matrix("POST", "/_matrix/client/v3/createRoom", asToken,
                "{\"room_alias_name\": \"rs-group-listener\", \"preset\": \"private_chat\"}").get("room_id").asString();
    }

    record Group(String uuid, String slug, String publicRoomId, String privateRoomId) {
    }

    private Group group(String name) {
        String uuid = UUID.randomUUID().toString();
        String slug = name.toLowerCase().replace(' ', '-') + "-" + SynapseTestBed.randomHex(3);
        var response = api.put("/api/host/groups/" + uuid + "/", TestTokens.host(), """
                {"slug": "%s", "name": "%s", "url": "https://groups.example.org/%s/"}""".formatted(slug, name, slug));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String publicRoom = awaitAlias("#" + slug + ":" + DOMAIN);
        String privateRoom = awaitAlias("#" + slug + "-private:" + DOMAIN);
        return new Group(uuid, slug, publicRoom, privateRoom);
    }

    private String awaitAlias(String alias) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> matrixCall("GET",
                "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null).statusCode() == 200);
        return matrix("GET", "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null).get("room_id")
                .asString();
    }

    /** A person with the default Matrix id in roomservice's namespace. */
    private String namespacePerson(String slug) {
        String uuid = UUID.randomUUID().toString();
        var response = api.put("/api/host/group-people/" + uuid + "/", TestTokens.host(), "{\"slug\": \"" + slug + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return uuid;
    }

    /** A human of the homeserver who chose their own Matrix id; returns uuid, Matrix id and access token. */
    private String[] humanPerson(String localpart) {
        JsonNode registered = JSON.readTree(synapse.registerUser(localpart, "password-" + localpart));
        String uuid = UUID.randomUUID().toString();
        String matrixId = registered.get("user_id").asString();
        var response = api.put("/api/host/group-people/" + uuid + "/", TestTokens.host(),
                "{\"slug\": \"" + localpart + "\", \"matrix_id\": \"" + matrixId + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return new String[] {uuid, matrixId, registered.get("access_token").asString()};
    }

    private int addMember(Group group, String person) {
        return api.put("/api/host/groups/" + group.uuid() + "/members/" + person + "/", TestTokens.host(), "").status();
    }

    private JsonNode state(String roomId, String type) {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/state/" + encode(type) + "/", asToken,
                null);
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

    private int level(String roomId, String matrixId) {
        JsonNode levels = state(roomId, "m.room.power_levels");
        return levels.path("users").path(matrixId).asInt(levels.path("users_default").asInt(0));
    }

    /** The bot's messages in the room, oldest first. */
    private List<JsonNode> messages(String roomId) {
        JsonNode page = matrix("GET", "/_matrix/client/v3/rooms/" + encode(roomId) + "/messages?dir=b&limit=100",
                asToken, null);
        List<JsonNode> found = new ArrayList<>();
        page.path("chunk").forEach(event -> {
            if ("m.room.message".equals(event.path("type").asString())) {
                found.add(0, event.path("content"));
            }
        });
        return found;
    }

    @Test
    void a_group_gets_a_public_and_a_private_room_configured_as_the_original() {
        Group group = group("Garden Club");
        String url = "https://groups.example.org/" + group.slug() + "/";

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(state(group.publicRoomId(), "m.room.name").path("name").asString()).isEqualTo("Garden Club");
            assertThat(state(group.privateRoomId(), "m.room.topic").path("topic").asString())
                    .isEqualTo(url + " - members only");
        });
        assertThat(state(group.publicRoomId(), "m.room.topic").path("topic").asString()).isEqualTo(url);
        assertThat(state(group.privateRoomId(), "m.room.name").path("name").asString()).isEqualTo("Garden Club (private)");
        assertThat(state(group.publicRoomId(), "m.room.join_rules").path("join_rule").asString()).isEqualTo("public");
        assertThat(state(group.privateRoomId(), "m.room.join_rules").path("join_rule").asString()).isEqualTo("invite");
        assertThat(state(group.publicRoomId(), "m.room.canonical_alias").path("alias").asString())
                .isEqualTo("#" + group.slug() + ":" + DOMAIN);
        assertThat(state(group.privateRoomId(), "m.room.canonical_alias").path("alias").asString())
                .isEqualTo("#" + group.slug() + "-private:" + DOMAIN);
        assertThat(matrix("GET", "/_matrix/client/v3/directory/list/room/" + encode(group.publicRoomId()), asToken,
                null).path("visibility").asString()).isEqualTo("public");
        assertThat(matrix("GET", "/_matrix/client/v3/directory/list/room/" + encode(group.privateRoomId()), asToken,
                null).path("visibility").asString()).isEqualTo("private");
        assertThat(state(group.privateRoomId(), "m.room.power_levels").path("users_default").asInt()).isEqualTo(50);
        assertThat(state(group.publicRoomId(), "m.room.power_levels").path("users_default").asInt()).isEqualTo(0);

        // a repeat changes nothing; a new name follows
        var repeat = api.put("/api/host/groups/" + group.uuid() + "/", TestTokens.host(), """
                {"slug": "%s", "name": "Garden Club", "url": "%s"}""".formatted(group.slug(), url));
        assertThat(repeat.status()).isEqualTo(200);
        var renamed = api.put("/api/host/groups/" + group.uuid() + "/", TestTokens.host(), """
                {"slug": "%s", "name": "Allotment Club", "url": "%s"}""".formatted(group.slug(), url));
        assertThat(renamed.status()).isEqualTo(202);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                state(group.privateRoomId(), "m.room.name").path("name").asString()).isEqualTo("Allotment Club (private)"));
    }

    @Test
    void members_are_invited_to_both_rooms_kicked_when_they_leave_and_invited_again_under_a_new_id() {
        Group group = group("Choir");
        String ada = namespacePerson("ada-" + SynapseTestBed.randomHex(3));
        String adaMatrixId = jdbc.queryForObject("select matrix_user_id from cmd_group_people where user_id = ?::uuid",
                String.class, ada);
        assertThat(adaMatrixId).startsWith("@rs-ada-").endsWith(":" + DOMAIN);
        String[] bob = humanPerson("bob-" + SynapseTestBed.randomHex(3));

        assertThat(addMember(group, ada)).isEqualTo(202);
        assertThat(addMember(group, bob[0])).isEqualTo(202);
        assertThat(addMember(group, bob[0])).isEqualTo(200);

        for (String room : List.of(group.publicRoomId(), group.privateRoomId())) {
            awaitMembership(room, adaMatrixId, "invite");
            awaitMembership(room, bob[1], "invite");
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(level(group.publicRoomId(), adaMatrixId)).isEqualTo(50);
            assertThat(level(group.publicRoomId(), bob[1])).isEqualTo(50);
        });
        assertThat(level(group.privateRoomId(), bob[1])).isEqualTo(50);
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(group.publicRoomId()) + "/join", bob[2], "{}");

        // Bob leaves the group: kicked from the room he joined, his invitation to the other revoked
        assertThat(api.delete("/api/host/groups/" + group.uuid() + "/members/" + bob[0] + "/", TestTokens.host())
                .status()).isEqualTo(202);
        awaitMembership(group.publicRoomId(), bob[1], "leave");
        awaitMembership(group.privateRoomId(), bob[1], "leave");

        // Ada chooses her own Matrix id: invited again under it
        String[] adaOwn = {null, null};
        JsonNode registered = JSON.readTree(synapse.registerUser("ada-own-" + SynapseTestBed.randomHex(3), "pw-ada-own"));
        adaOwn[1] = registered.get("user_id").asString();
        var changed = api.put("/api/host/group-people/" + ada + "/", TestTokens.host(),
                "{\"slug\": \"ada\", \"matrix_id\": \"" + adaOwn[1] + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(202);
        awaitMembership(group.publicRoomId(), adaOwn[1], "invite");
        awaitMembership(group.privateRoomId(), adaOwn[1], "invite");

        // Ada is deleted on the host: she leaves every group room
        assertThat(api.delete("/api/host/group-people/" + ada + "/", TestTokens.host()).status()).isEqualTo(202);
        awaitMembership(group.publicRoomId(), adaOwn[1], "leave");
        awaitMembership(group.privateRoomId(), adaOwn[1], "leave");
    }

    @Test
    void someone_who_declined_is_not_invited_again_by_later_syncs() {
        Group group = group("Reading Circle");
        String[] carol = humanPerson("carol-" + SynapseTestBed.randomHex(3));
        addMember(group, carol[0]);
        awaitMembership(group.privateRoomId(), carol[1], "invite");
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(group.privateRoomId()) + "/leave", carol[2], "{}");
        awaitMembership(group.privateRoomId(), carol[1], "leave");

        // the host repeats everything, and another member joins: their invitation runs after the repeats
        assertThat(addMember(group, carol[0])).isEqualTo(200);
        api.put("/api/host/groups/" + group.uuid() + "/", TestTokens.host(), """
                {"slug": "%s", "name": "Reading Circle", "url": "https://groups.example.org/%s/"}"""
                .formatted(group.slug(), group.slug()));
        String[] dave = humanPerson("dave-" + SynapseTestBed.randomHex(3));
        addMember(group, dave[0]);
        awaitMembership(group.privateRoomId(), dave[1], "invite");

        assertThat(membership(group.privateRoomId(), carol[1])).isEqualTo("leave");
    }

    @Test
    void public_content_reaches_both_rooms_and_the_listener_room_internal_content_only_the_private_room_and_once() {
        Group group = group("Bike Repair");
        String publicItem = UUID.randomUUID().toString();
        String internalItem = UUID.randomUUID().toString();
        String publicBody = """
                {"type": "Article", "title": "Spring *tune-up*", "url": "https://groups.example.org/a/1",
                 "internal": false, "author": "%s"}""".formatted(UUID.randomUUID());
        assertThat(api.put("/api/host/groups/" + group.uuid() + "/content/" + publicItem + "/", TestTokens.host(),
                publicBody).status()).isEqualTo(202);
        assertThat(api.put("/api/host/groups/" + group.uuid() + "/content/" + publicItem + "/", TestTokens.host(),
                publicBody).status()).isEqualTo(200);
        assertThat(api.put("/api/host/groups/" + group.uuid() + "/content/" + internalItem + "/", TestTokens.host(), """
                {"type": "Event", "title": "Members meeting", "url": "https://groups.example.org/e/2", "internal": true}""")
                .status()).isEqualTo(202);

        String text = "Article: [Spring \\*tune-up\\*](<https://groups.example.org/a/1>)";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(messages(group.privateRoomId())).extracting(m -> m.path("body").asString())
                        .containsExactlyInAnyOrder(text,
                                "Event: [Members meeting](<https://groups.example.org/e/2>)"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(messages(listenerRoomId)).extracting(m -> m.path("body").asString())
                        .contains("\\[Bike Repair\\] " + text));
        List<JsonNode> inPublic = messages(group.publicRoomId());
        assertThat(inPublic).extracting(m -> m.path("body").asString()).containsExactly(text);
        assertThat(inPublic.get(0).path("formatted_body").asString())
                .isEqualTo("Article: <a rel=\"nofollow\" href=\"https://groups.example.org/a/1\">Spring *tune-up*</a>");
        assertThat(inPublic.get(0).path("msgtype").asString()).isEqualTo("m.notice");
        assertThat(inPublic.get(0).path("m.mentions").isObject()).isTrue();
        assertThat(messages(listenerRoomId)).extracting(m -> m.path("body").asString())
                .noneMatch(body -> body.contains("Members meeting"));
    }

    private List<JsonNode> differencesOf(Group group, boolean dryRun) {
        return differencesOf("group:" + group.uuid(), dryRun);
    }

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

    @Test
    void the_reconciliation_lists_an_alias_a_kick_and_a_power_level_changed_behind_its_back_and_repairs_them() {
        Group group = group("Night Owls");
        String[] erin = humanPerson("erin-" + SynapseTestBed.randomHex(3));
        addMember(group, erin[0]);
        awaitMembership(group.privateRoomId(), erin[1], "invite");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> level(group.publicRoomId(), erin[1]) == 50
                && jdbc.queryForObject("select count(*) from group_room_invitations where group_id = ?::uuid",
                Integer.class, group.uuid()) == 2);
        assertThat(differencesOf(group, true)).isEmpty();

        // an administrator changes three things through Synapse's admin API, behind roomservice's back
        String admin = JSON.readTree(synapse.registerAdmin("reconcile-admin-" + SynapseTestBed.randomHex(3),
                "admin-password")).get("access_token").asString();
        String adminId = matrix("GET", "/_matrix/client/v3/account/whoami", admin, null).get("user_id").asString();
        for (String room : List.of(group.publicRoomId(), group.privateRoomId())) {
            matrix("POST", "/_synapse/admin/v1/rooms/" + encode(room) + "/make_room_admin", admin,
                    "{\"user_id\": \"" + adminId + "\"}");
            matrix("POST", "/_matrix/client/v3/rooms/" + encode(room) + "/join", admin, "{}");
        }
        String publicAlias = "#" + group.slug() + ":" + DOMAIN;
        matrix("DELETE", "/_matrix/client/v3/directory/room/" + encode(publicAlias), admin, null);
        matrix("POST", "/_matrix/client/v3/rooms/" + encode(group.privateRoomId()) + "/kick", admin,
                "{\"user_id\": \"" + erin[1] + "\", \"reason\": \"behind the back\"}");
        var levels = (tools.jackson.databind.node.ObjectNode) state(group.publicRoomId(), "m.room.power_levels");
        ((tools.jackson.databind.node.ObjectNode) levels.get("users")).put(erin[1], 0);
        matrix("PUT", "/_matrix/client/v3/rooms/" + encode(group.publicRoomId()) + "/state/m.room.power_levels/", admin,
                levels.toString());

        var found = differencesOf(group, true);
        assertThat(found).extracting(d -> d.path("room_id").asString() + " " + d.path("kind").asString() + " "
                + d.path("member").asString(""))
                .containsExactlyInAnyOrder(group.publicRoomId() + " alias ", group.privateRoomId() + " membership " + erin[1],
                        group.publicRoomId() + " power-level " + erin[1]);
        assertThat(membership(group.privateRoomId(), erin[1])).as("a dry run repairs nothing").isEqualTo("leave");

        assertThat(differencesOf(group, false)).hasSize(3);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(membership(group.privateRoomId(), erin[1])).isEqualTo("invite");
            assertThat(level(group.publicRoomId(), erin[1])).isEqualTo(50);
            assertThat(matrixCall("GET", "/_matrix/client/v3/directory/room/" + encode(publicAlias), asToken, null)
                    .statusCode()).isEqualTo(200);
            assertThat(state(group.publicRoomId(), "m.room.canonical_alias").path("alias").asString())
                    .isEqualTo(publicAlias);
        });
        assertThat(jdbc.queryForList("""
                select payload_type from domain_event_entry where aggregate_identifier = ?
                   and convert_from(meta_data, 'UTF8') like '%"actor":"reconciliation"%'""", String.class, group.uuid()))
                .contains("io.roomservice.api.group.GroupInvitationWithdrawn",
                        "io.roomservice.api.group.GroupRoomsProvisioningRequested",
                        "io.roomservice.api.group.GroupInvitationsDue");
        assertThat(api.get("/actuator/prometheus", TestTokens.staff()).body())
                .contains("roomservice_reconciliation_repairs_total{kind=\"membership\",room_kind=\"group\"}");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(differencesOf(group, true)).isEmpty());
    }
}
