package io.roomservice.infra.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kick-and-archive over HTTP with the scripted homeserver: the notice, the kicks recorded as members
 * leaving, the archive; a homeserver that fails the kicks puts the room in error and a retry goes on
 * where it stopped; a reactivation says so and brings the members back. Against the real Synapse:
 * MembersOnSynapseEndToEndTest.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.matrix.domain=scripted.test",
        "roomservice.provisioning.max-attempts=2",
        "roomservice.provisioning.initial-backoff=100ms"})
class KickAndArchiveEndToEndTest extends EndToEndTest {

    private record RoomWithMembers(ProjectId project, String room, String matrixRoomId, List<String> members) {
    }

    private RoomWithMembers roomWithMembers(String name, int people) {
        var project = registerProject(name);
        var room = createdRoom(project);
        awaitState(room, "active");
        String matrixRoomId = room(room).json().get("room_id").asString();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String username = "m" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            UserId user = registerUser(username);
            grantProjectRole(project, user, "member");
            members.add("@rs-" + username + ":scripted.test");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(homeserver.membersOf(matrixRoomId)).containsAllEntriesOf(toMap(members, "join"));
            // the role notices are posted after the sync that joined the members: let them be, so that
            // what a test does next comes after them in the room
            assertThat(homeserver.noticesIn(matrixRoomId).stream().filter(n -> n.contains("has been granted")))
                    .hasSize(people);
        });
        return new RoomWithMembers(project, room, matrixRoomId, members);
    }

    private static Map<String, String> toMap(List<String> members, String membership) {
        var map = new java.util.HashMap<String, String>();
        members.forEach(m -> map.put(m, membership));
        return map;
    }

    private List<JsonNode> roomEvents(String room) {
        var events = new ArrayList<JsonNode>();
        api.get("/api/audit/rooms/" + room + "/events", TestTokens.auditor()).json().get("events").forEach(events::add);
        return events;
    }

    @Test
    void disabling_posts_the_notice_kicks_every_member_records_them_as_left_and_then_archives() {
        var r = roomWithMembers("Kicked", 2);

        var disabled = api.post("/api/matrix/rooms/" + r.room() + "/disable/", TestTokens.staff(), null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(202);
        awaitState(r.room(), "archived");

        assertThat(homeserver.membersOf(r.matrixRoomId())).containsAllEntriesOf(toMap(r.members(), "leave"));
        assertThat(homeserver.noticesIn(r.matrixRoomId())).last().isEqualTo("Chat room was deactivated");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var members = api.get("/api/matrix/rooms/" + r.room() + "/members/", TestTokens.staff()).json();
            assertThat(members.size()).isEqualTo(2);
            members.forEach(m -> assertThat(m.get("membership").asString()).as(m.toString()).isEqualTo("left"));
        });
        var events = roomEvents(r.room());
        String disableCorrelation = events.stream().filter(e -> e.get("type").asString().equals("RoomDisablingStarted"))
                .findFirst().orElseThrow().get("correlation_id").asString();
        var afterDisabling = events.stream().dropWhile(e -> !e.get("type").asString().equals("RoomDisablingStarted"))
                .skip(1).toList();
        assertThat(afterDisabling).extracting(e -> e.get("type").asString())
                .containsExactly("RoomMembersChanged", "RoomMembersChanged", "RoomMembersRemoved", "RoomArchived");
        assertThat(afterDisabling).allSatisfy(e -> {
            assertThat(e.get("actor").asString()).isEqualTo("system");
            assertThat(e.get("correlation_id").asString()).isEqualTo(disableCorrelation);
        });
        assertThat(afterDisabling.get(0).get("payload").get("changes").get(0).get("reason").asString())
                .isEqualTo("Chat room was deactivated");
    }

    @Test
    void kicks_that_keep_failing_put_the_room_in_error_and_a_retry_goes_on_where_it_stopped() {
        var r = roomWithMembers("Unkickable", 3);
        homeserver.failKicks(r.matrixRoomId(), 1 + 2); // the first member goes, then both attempts fail

        assertThat(api.post("/api/matrix/rooms/" + r.room() + "/disable/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(r.room(), "error");
        assertThat(room(r.room()).json().get("error_message").asString())
                .isEqualTo("Kicking the members failed after 2 attempt(s): 502 Bad Gateway");

        assertThat(api.post("/api/matrix/rooms/" + r.room() + "/retry/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(r.room(), "archived");

        assertThat(homeserver.membersOf(r.matrixRoomId())).containsAllEntriesOf(toMap(r.members(), "leave"));
        assertThat(homeserver.noticesIn(r.matrixRoomId())).filteredOn(n -> n.startsWith("Chat room was deactivated"))
                .as("the notice of one disabling is posted once").hasSize(1);
        long leftRecorded = roomEvents(r.room()).stream()
                .filter(e -> e.get("type").asString().equals("RoomMembersChanged"))
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.get("payload").get("changes").spliterator(), false))
                .filter(c -> c.get("membership").asString().equals("LEFT")).count();
        assertThat(leftRecorded).as("every member recorded as left once").isEqualTo(3);
    }

    @Test
    void a_deleted_projects_room_says_it_was_deactivated_due_to_project_termination() {
        var r = roomWithMembers("Terminated", 1);

        assertThat(api.delete("/api/host/projects/" + r.project() + "/", TestTokens.host()).status()).isEqualTo(202);
        awaitState(r.room(), "archived");

        assertThat(homeserver.noticesIn(r.matrixRoomId())).last()
                .isEqualTo("Chat room was deactivated due to project termination");
        assertThat(homeserver.membersOf(r.matrixRoomId())).containsAllEntriesOf(toMap(r.members(), "leave"));
    }

    @Test
    void a_reactivated_room_says_so_and_its_members_come_back() {
        var r = roomWithMembers("Revived", 2);
        api.post("/api/matrix/rooms/" + r.room() + "/disable/", TestTokens.staff(), null);
        awaitState(r.room(), "archived");

        assertThat(api.post("/api/matrix/rooms/" + r.room() + "/reactivate/", TestTokens.staff(), null).status())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(homeserver.membersOf(r.matrixRoomId())).containsAllEntriesOf(toMap(r.members(), "join"));
            assertThat(homeserver.noticesIn(r.matrixRoomId())).contains("Chat room was reactivated");
        });
    }

    @Test
    void a_rooms_notices_come_in_the_order_of_the_grants_that_decided_them() {
        var r = roomWithMembers("Ordered notices", 0);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String username = "o" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            grantProjectRole(r.project(), registerUser(username), "member");
            expected.add("Full " + username + " has been granted the Project Member role.");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(homeserver.noticesIn(r.matrixRoomId())
                .stream().filter(n -> n.contains("has been granted")).toList()).hasSize(expected.size()));
        assertThat(homeserver.noticesIn(r.matrixRoomId()).stream().filter(n -> n.contains("has been granted")).toList())
                .containsExactlyElementsOf(expected);
    }
}
