package io.roomservice.infra.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's permission table, row by row, for every kind of caller: staff, support, the customer's
 * owner, a project member and an outsider. A room the caller may not see is 404 (like a missing one);
 * a visible room the caller may not act on is 403.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermissionTableEndToEndTest extends EndToEndTest {

    @Autowired
    CommandGateway commands;

    private CustomerId customer;
    private ProjectId project;
    private String room;
    private String owner;
    private String member;
    private String outsider;
    private UserId memberId;

    @BeforeEach
    void aProjectRoomWithItsPeople() {
        customer = registerCustomer("Acme");
        project = registerProject("Permissions", customer);
        UserId ownerId = registerUser("owner-" + UUID.randomUUID().toString().substring(0, 6));
        memberId = registerUser("member-" + UUID.randomUUID().toString().substring(0, 6));
        UserId outsiderId = registerUser("outsider-" + UUID.randomUUID().toString().substring(0, 6));
        grantCustomerRole(customer, ownerId, "owner");
        grantProjectRole(project, memberId, "member");
        owner = TestTokens.person(ownerId.value());
        member = TestTokens.person(memberId.value());
        outsider = TestTokens.person(outsiderId.value());
        room = createdRoom(project);
        awaitState(room, "active");
        // the directory is a projection: wait until it knows the roles
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/matrix/rooms/" + room + "/", member).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/matrix/rooms/" + room + "/", owner).status()).isEqualTo(200));
    }

    private List<String> listed(String token, String query) {
        var response = api.get("/api/matrix/rooms/?page_size=200" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> uuids = new ArrayList<>();
        response.json().forEach(r -> uuids.add(r.get("uuid").asString()));
        return uuids;
    }

    private int post(String path, String token) {
        return api.post("/api/matrix/rooms/" + room + "/" + path + "/", token, null).status();
    }

    @Test
    void the_room_list_shows_each_caller_only_the_rooms_they_may_see() {
        assertThat(listed(TestTokens.staff(), "&project_uuid=" + project)).containsExactly(room);
        assertThat(listed(TestTokens.support(), "&project_uuid=" + project)).containsExactly(room);
        assertThat(listed(owner, "")).contains(room);
        assertThat(listed(member, "")).containsExactly(room);
        assertThat(listed(outsider, "")).isEmpty();
    }

    @Test
    void member_true_lists_only_the_rooms_the_caller_has_joined() {
        assertThat(listed(member, "&member=true")).isEmpty();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordMemberChanges(RoomId.of(room),
                List.of(new MemberChange(memberId, "@rs-member:scripted.test", Membership.JOINED, 0, "test"))))
                .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(listed(member, "&member=true")).containsExactly(room));
        assertThat(listed(owner, "&member=true")).isEmpty();
    }

    @Test
    void seeing_a_room_and_its_members_takes_a_role_in_its_project_or_its_customer() {
        for (String token : List.of(TestTokens.staff(), TestTokens.support(), owner, member)) {
            assertThat(api.get("/api/matrix/rooms/" + room + "/", token).status()).isEqualTo(200);
            assertThat(api.get("/api/matrix/rooms/" + room + "/members/", token).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/matrix/rooms/" + room + "/", outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/matrix/rooms/" + room + "/members/", outsider).status()).isEqualTo(404);
    }

    @Test
    void sync_members_belongs_to_the_customers_owners_and_staff() {
        assertThat(post("sync_members", TestTokens.staff())).isEqualTo(202);
        assertThat(post("sync_members", owner)).isEqualTo(202);
        assertThat(post("sync_members", TestTokens.support())).isEqualTo(403);
        assertThat(post("sync_members", member)).isEqualTo(403);
        assertThat(post("sync_members", outsider)).isEqualTo(404);
    }

    @Test
    void retry_and_reactivate_belong_to_the_customers_owners_and_staff() {
        // allowed callers reach the state machine (an active room refuses both: 409); others are stopped before it
        for (String action : List.of("retry", "reactivate")) {
            assertThat(post(action, TestTokens.staff())).as(action).isEqualTo(409);
            assertThat(post(action, owner)).as(action).isEqualTo(409);
            assertThat(post(action, TestTokens.support())).as(action).isEqualTo(403);
            assertThat(post(action, member)).as(action).isEqualTo(403);
            assertThat(post(action, outsider)).as(action).isEqualTo(404);
        }
    }

    @Test
    void disable_belongs_to_staff_and_support() {
        assertThat(post("disable", owner)).isEqualTo(403);
        assertThat(post("disable", member)).isEqualTo(403);
        assertThat(post("disable", outsider)).isEqualTo(403);
        assertThat(post("disable", TestTokens.support())).isEqualTo(202);

        var other = createdRoom(registerProject("Disabled by staff", customer));
        awaitState(other, "active");
        assertThat(api.post("/api/matrix/rooms/" + other + "/disable/", TestTokens.staff(), null).status())
                .isEqualTo(202);
    }

    @Test
    void delete_belongs_to_staff_and_support() {
        assertThat(post("disable", TestTokens.staff())).isEqualTo(202);
        awaitState(room, "archived");

        for (String token : List.of(owner, member, outsider)) {
            assertThat(api.delete("/api/matrix/rooms/" + room + "/", token).status()).isEqualTo(403);
        }
        assertThat(api.delete("/api/matrix/rooms/" + room + "/", TestTokens.support()).status()).isEqualTo(204);

        var other = createdRoom(registerProject("Deleted by staff", customer));
        awaitState(other, "active");
        api.post("/api/matrix/rooms/" + other + "/disable/", TestTokens.staff(), null);
        awaitState(other, "archived");
        assertThat(api.delete("/api/matrix/rooms/" + other + "/", TestTokens.staff()).status()).isEqualTo(204);
    }

    @Test
    void creating_a_room_belongs_to_staff_and_support() {
        for (String token : List.of(owner, member, outsider)) {
            Api.Response response = api.post("/api/matrix/rooms/", token,
                    "{\"project\": \"" + registerProject("Not yours", customer) + "\"}");
            assertThat(response.status()).isEqualTo(403);
        }
        assertThat(api.post("/api/matrix/rooms/", TestTokens.support(),
                "{\"project\": \"" + registerProject("Support's", customer) + "\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/matrix/rooms/", TestTokens.staff(),
                "{\"project\": \"" + registerProject("Staff's", customer) + "\"}").status()).isEqualTo(201);
    }

    @Test
    void a_deactivated_person_sees_no_room_any_more() {
        var deactivated = registerUser("gone-" + UUID.randomUUID().toString().substring(0, 6));
        grantProjectRole(project, deactivated, "admin");
        String token = TestTokens.person(deactivated.value());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(listed(token, "")).containsExactly(room));

        deactivateUser(deactivated);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listed(token, "")).isEmpty());
        assertThat(api.get("/api/matrix/rooms/" + room + "/", token).status()).isEqualTo(404);
    }
}
