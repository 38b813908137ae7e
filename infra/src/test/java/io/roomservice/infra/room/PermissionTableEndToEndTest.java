package io.roomservice.infra.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
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
 * Which rooms each kind of caller sees in the room list: staff, support, the customer's owner, a
 * project member and an outsider, and a person once deactivated. What each caller may do with one
 * room, endpoint by endpoint, is the permission matrix (reliability/PermissionMatrixEndToEndTest).
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
