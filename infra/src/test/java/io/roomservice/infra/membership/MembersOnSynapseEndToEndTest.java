package io.roomservice.infra.membership;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members follow roles, checked in the real Synapse: a granted role joins the person at the right
 * power level, a revoked last role removes them, a deactivation kicks them, and the credentials the
 * endpoint hands out log into Synapse and read the room.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MembersOnSynapseEndToEndTest extends SynapseLinkedTest {

    private String customer;
    private String project;
    private String room;
    private String matrixRoomId;

    @BeforeAll
    void anActiveProjectRoom() {
        customer = UUID.randomUUID().toString();
        var registered = api.put("/api/host/customers/" + customer + "/", TestTokens.host(), "{\"name\": \"Acme\"}");
        assertThat(registered.status()).as(registered.body()).isIn(200, 202);
        project = registerProject("Members e2e", customer);
        room = createRoom(project);
        matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
    }

    private record Person(String uuid, String username, String matrixUserId) {
    }

    private Person person(String name) {
        String username = name + "-" + SynapseTestBed.randomHex(3);
        String uuid = UUID.randomUUID().toString();
        var response = api.put("/api/host/users/" + uuid + "/", TestTokens.host(), """
                {"username": "%s", "full_name": "%s Example", "email": "%s@example.org"}"""
                .formatted(username, capitalize(name), username));
        assertThat(response.status()).as(response.body()).isIn(200, 202);
        return new Person(uuid, username, "@rs-" + username + ":" + synapse.serverName());
    }

    /** The directory (a projection) has applied the person's registration. */
    private void awaitDirectoryKnows(Person person) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from directory_users where user_id = ?::uuid", Integer.class, person.uuid()) == 1);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void grantProjectRole(Person person, String role) {
        var response = api.put("/api/host/projects/" + project + "/roles/" + person.uuid() + "/" + role + "/",
                TestTokens.host(), "");
        assertThat(response.status()).as(response.body()).isIn(200, 202);
    }

    private void revokeProjectRole(Person person, String role) {
        var response = api.delete("/api/host/projects/" + project + "/roles/" + person.uuid() + "/" + role + "/",
                TestTokens.host());
        assertThat(response.status()).as(response.body()).isIn(200, 202);
    }

    /** Membership and power level of everyone in the Synapse room, read from its state. */
    private Map<String, String> membershipInSynapse() {
        return membershipIn(matrixRoomId);
    }

    /** Waits until the person's membership in the Synapse room is this one (join, leave, ...). */
    private void awaitInSynapse(Person person, String membership) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(membershipInSynapse()).containsEntry(person.matrixUserId(), membership));
    }

    private String displayNameInSynapse(Person person) {
        return matrix("GET", "/_matrix/client/v3/profile/" + encode(person.matrixUserId()) + "/displayname", asToken,
                null).path("displayname").asString();
    }

    private int powerLevelInSynapse(String matrixUserId) {
        JsonNode levels = matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId)
                + "/state/m.room.power_levels/", asToken, null);
        return levels.path("users").path(matrixUserId).asInt(levels.path("users_default").asInt(0));
    }

    private String noticesInSynapse() {
        return matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/messages?dir=b&limit=50",
                asToken, null).get("chunk").toString();
    }

    private JsonNode member(Person person) {
        var members = api.get("/api/matrix/rooms/" + room + "/members/", TestTokens.staff());
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        for (JsonNode member : members.json()) {
            if (person.matrixUserId().equals(member.get("matrix_user_id").asString())) {
                return member;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void a_granted_role_joins_the_person_at_the_power_level_of_the_role() {
        var ada = person("ada");
        var bob = person("bob");

        grantProjectRole(ada, "admin");
        grantProjectRole(bob, "member");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membershipInSynapse()).containsEntry(ada.matrixUserId(), "join")
                    .containsEntry(bob.matrixUserId(), "join");
            assertThat(powerLevelInSynapse(ada.matrixUserId())).isEqualTo(50);
            assertThat(powerLevelInSynapse(bob.matrixUserId())).isZero();
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(noticesInSynapse()).contains("Ada Example has been granted the Project Admin role.")
                        .contains("Bob Example has been granted the Project Member role."));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(jdbc.queryForList("select body_subject from room_timeline where body = ?", UUID.class,
                        "Ada Example has been granted the Project Admin role."))
                        .as("the notice came back from Synapse as personal data of the person it names")
                        .containsExactly(UUID.fromString(ada.uuid())));
        var displayName = matrix("GET", "/_matrix/client/v3/profile/" + encode(ada.matrixUserId()) + "/displayname",
                asToken, null);
        assertThat(displayName.get("displayname").asString()).isEqualTo("Ada Example");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = member(ada);
            assertThat(listed).isNotNull();
            assertThat(listed.get("user_uuid").asString()).isEqualTo(ada.uuid());
            assertThat(listed.get("full_name").asString()).isEqualTo("Ada Example");
            assertThat(listed.get("power_level").asInt()).isEqualTo(50);
            assertThat(listed.get("membership").asString()).isEqualTo("joined");
        });
    }

    @Test
    void the_customers_owner_joins_as_moderator() {
        var olga = person("olga");

        var granted = api.put("/api/host/customers/" + customer + "/roles/" + olga.uuid() + "/owner/",
                TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membershipInSynapse()).containsEntry(olga.matrixUserId(), "join");
            assertThat(powerLevelInSynapse(olga.matrixUserId())).isEqualTo(50);
        });
    }

    @Test
    void revoking_the_last_role_removes_the_person_but_not_while_another_role_is_left() {
        var cyd = person("cyd");
        grantProjectRole(cyd, "manager");
        grantProjectRole(cyd, "member");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(powerLevelInSynapse(cyd.matrixUserId())).isEqualTo(50));

        revokeProjectRole(cyd, "manager");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(powerLevelInSynapse(cyd.matrixUserId())).isZero();
            assertThat(membershipInSynapse()).containsEntry(cyd.matrixUserId(), "join");
        });

        revokeProjectRole(cyd, "member");
        awaitInSynapse(cyd, "leave");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(noticesInSynapse()).contains("Cyd Example has lost the Project Member role."));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(member(cyd).get("membership").asString()).isEqualTo("left"));
    }

    @Test
    void a_deactivated_person_is_kicked_and_cannot_get_credentials() {
        var dan = person("dan");
        grantProjectRole(dan, "member");
        awaitInSynapse(dan, "join");

        var deactivated = api.delete("/api/host/users/" + dan.uuid() + "/", TestTokens.host());
        assertThat(deactivated.status()).as(deactivated.body()).isIn(200, 202);

        awaitInSynapse(dan, "leave");
        var credentials = api.get("/api/matrix/credentials/", TestTokens.person(UUID.fromString(dan.uuid())));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(403);
    }

    @Test
    void a_reactivated_person_is_back_in_the_room_and_gets_credentials_again() {
        var fay = person("fay");
        grantProjectRole(fay, "member");
        awaitInSynapse(fay, "join");
        assertThat(api.delete("/api/host/users/" + fay.uuid() + "/", TestTokens.host()).status()).isIn(200, 202);
        awaitInSynapse(fay, "leave");

        var reactivated = api.post("/api/host/users/" + fay.uuid() + "/reactivate/", TestTokens.host(), null);

        assertThat(reactivated.status()).as(reactivated.body()).isIn(200, 202);
        awaitInSynapse(fay, "join");
        // the profile's access is restored by its own processor, independently of the member sync
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                Boolean.FALSE.equals(jdbc.queryForObject("select access_ended from user_profiles where user_id = ?::uuid",
                        Boolean.class, fay.uuid())));
        var credentials = api.get("/api/matrix/credentials/", TestTokens.person(UUID.fromString(fay.uuid())));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
    }

    @Test
    void a_new_full_name_becomes_the_display_name_in_synapse() {
        var gil = person("gil");
        grantProjectRole(gil, "member");
        awaitInSynapse(gil, "join");
        assertThat(displayNameInSynapse(gil)).isEqualTo("Gil Example");

        var renamed = api.put("/api/host/users/" + gil.uuid() + "/", TestTokens.host(),
                "{\"username\": \"" + gil.username() + "\", \"full_name\": \"Gilbert Renamed\"}");

        assertThat(renamed.status()).as(renamed.body()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(displayNameInSynapse(gil)).isEqualTo("Gilbert Renamed"));
    }

    @Test
    void an_erased_persons_full_name_is_no_longer_their_display_name_in_synapse() {
        var ivy = person("ivy");
        grantProjectRole(ivy, "member");
        awaitInSynapse(ivy, "join");
        assertThat(displayNameInSynapse(ivy)).isEqualTo("Ivy Example");

        var erased = api.post("/api/host/users/" + ivy.uuid() + "/erase/", TestTokens.host(), null);

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        // Synapse announces the new name in the room: its current member event no longer has the old one
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(displayNameInSynapse(ivy)).isEqualTo("rs-" + ivy.username());
            assertThat(matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/state/m.room.member/"
                    + encode(ivy.matrixUserId()), asToken, null).path("displayname").asString())
                    .isEqualTo("rs-" + ivy.username());
        });
    }

    @Test
    void staff_join_as_moderator_stay_through_syncs_and_leave_again() {
        var sam = person("sam");
        String staffToken = TestTokens.person(UUID.fromString(sam.uuid()), Map.of("is_staff", true));
        awaitDirectoryKnows(sam);

        var joined = api.post("/api/matrix/rooms/" + room + "/join/", staffToken, null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membershipInSynapse()).containsEntry(sam.matrixUserId(), "join");
            assertThat(powerLevelInSynapse(sam.matrixUserId())).isEqualTo(50);
            assertThat(noticesInSynapse()).contains("Sam Example joined the room.");
        });

        // a member sync leaves a moderator who joined by hand in the room
        assertThat(api.post("/api/matrix/rooms/" + room + "/sync_members/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        var other = person("tom");
        grantProjectRole(other, "member");
        awaitInSynapse(other, "join");
        assertThat(membershipInSynapse()).containsEntry(sam.matrixUserId(), "join");

        var left = api.post("/api/matrix/rooms/" + room + "/leave/", staffToken, null);
        assertThat(left.status()).as(left.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membershipInSynapse()).containsEntry(sam.matrixUserId(), "leave");
            assertThat(powerLevelInSynapse(sam.matrixUserId())).isZero();
            assertThat(noticesInSynapse()).contains("Sam Example left the room.");
        });
        var again = api.post("/api/matrix/rooms/" + room + "/leave/", TestTokens.person(UUID.randomUUID(),
                Map.of("is_staff", true)), null);
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void the_credentials_log_into_synapse_and_read_the_room() {
        var eve = person("eve");
        grantProjectRole(eve, "member");
        awaitInSynapse(eve, "join");

        var credentials = api.get("/api/matrix/credentials/", TestTokens.person(UUID.fromString(eve.uuid())));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        assertThat(credentials.json().get("matrix_user_id").asString()).isEqualTo(eve.matrixUserId());
        assertThat(credentials.json().get("homeserver_url").asString()).isEqualTo(synapse.url());
        String loginToken = credentials.json().get("login_token").asString();

        JsonNode login = matrix("POST", "/_matrix/client/v3/login", null,
                "{\"type\": \"m.login.token\", \"token\": \"" + loginToken + "\"}");
        assertThat(login.get("user_id").asString()).isEqualTo(eve.matrixUserId());
        var messages = matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/messages?dir=b&limit=10",
                login.get("access_token").asString(), null);
        assertThat(messages.get("chunk").isArray()).isTrue();
    }

    @Test
    void credentials_with_a_room_join_it_and_give_an_access_token_for_embedded_chat() {
        var fay = person("fay");
        grantProjectRole(fay, "member");
        awaitDirectoryKnows(fay);

        // the role reaches the access read model apart from the directory: until it has, the answer
        // (rightly) leaves the room out, so ask until the room is in it
        var credentials = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                api.get("/api/matrix/credentials/?room_uuid=" + room, TestTokens.person(UUID.fromString(fay.uuid()))),
                answer -> answer.status() != 200 || answer.json().has("room_id"));

        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        assertThat(credentials.json().get("room_id").asString()).isEqualTo(matrixRoomId);
        String accessToken = credentials.json().get("access_token").asString();
        var joined = matrix("GET", "/_matrix/client/v3/joined_rooms", accessToken, null);
        assertThat(joined.get("joined_rooms").toString()).contains(matrixRoomId);
    }

    @Test
    void credentials_ignore_a_room_of_a_project_the_person_has_no_role_in() {
        var gus = person("gus");
        awaitDirectoryKnows(gus);
        var otherRoom = createRoom(registerProject("Someone else's project"));
        awaitRoom(otherRoom, "active");

        var credentials = api.get("/api/matrix/credentials/?room_uuid=" + otherRoom,
                TestTokens.person(UUID.fromString(gus.uuid())));

        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        assertThat(credentials.json().has("room_id")).isFalse();
        assertThat(credentials.json().has("access_token")).isFalse();
        assertThat(credentials.json().get("matrix_user_id").asString()).isEqualTo(gus.matrixUserId());
    }

    @Test
    void disabling_a_room_kicks_its_members_in_synapse_after_the_notice_and_reactivating_brings_them_back() {
        var ownProject = registerProject("Kick and archive e2e", customer);
        var ownRoom = createRoom(ownProject);
        String ownMatrixRoom = awaitRoom(ownRoom, "active").get("room_id").asString();
        var kim = person("kim");
        var response = api.put("/api/host/projects/" + ownProject + "/roles/" + kim.uuid() + "/member/",
                TestTokens.host(), "");
        assertThat(response.status()).as(response.body()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(membershipIn(ownMatrixRoom)).containsEntry(kim.matrixUserId(), "join"));

        assertThat(api.post("/api/matrix/rooms/" + ownRoom + "/disable/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitRoom(ownRoom, "archived");

        assertThat(membershipIn(ownMatrixRoom)).containsEntry(kim.matrixUserId(), "leave")
                .containsEntry(bot(), "join");
        String history = matrix("GET", "/_matrix/client/v3/rooms/" + encode(ownMatrixRoom)
                + "/messages?dir=b&limit=50", asToken, null).get("chunk").toString();
        assertThat(history).contains("Chat room was deactivated").contains("\"reason\":\"Chat room was deactivated\"");

        assertThat(api.post("/api/matrix/rooms/" + ownRoom + "/reactivate/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(membershipIn(ownMatrixRoom)).containsEntry(kim.matrixUserId(), "join");
            assertThat(matrix("GET", "/_matrix/client/v3/rooms/" + encode(ownMatrixRoom) + "/messages?dir=b&limit=50",
                    asToken, null).get("chunk").toString()).contains("Chat room was reactivated");
        });
    }

    private Map<String, String> membershipIn(String matrixRoom) {
        Map<String, String> membership = new HashMap<>();
        matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoom) + "/state", asToken, null).forEach(e -> {
            if ("m.room.member".equals(e.get("type").asString())) {
                membership.put(e.get("state_key").asString(), e.get("content").get("membership").asString());
            }
        });
        return membership;
    }
}
