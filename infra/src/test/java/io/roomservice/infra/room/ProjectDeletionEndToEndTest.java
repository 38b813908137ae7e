package io.roomservice.infra.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When the host deletes a project, its room is disabled (kicked and archived), with the history kept. */
class ProjectDeletionEndToEndTest extends EndToEndTest {

    @Test
    void deletingAProjectDisablesAndThenArchivesItsActiveRoomAsTheSystem() {
        var project = registerProject("Deleted with its room");
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "active");

        deleteProject(project);

        awaitState(roomUuid, "archived");
        // the room's life; the member sync that its activation started reports on its own time
        var events = auditEvents(roomUuid).stream()
                .filter(e -> !e.get("type").asString().equals("MemberSyncFinished")).toList();
        assertThat(types(events)).containsExactly("RoomCreationRequested", "RoomActivated", "RoomDisablingStarted",
                "RoomMembersRemoved", "RoomArchived");
        var disabling = events.get(2);
        assertThat(disabling.get("actor").asString()).isEqualTo("system");
        assertThat(disabling.get("payload").get("reason").asString()).isEqualTo("project termination");
        assertThat(disabling.get("payload").get("deleteHistory").asBoolean()).isFalse();
    }

    @Test
    void deletingAProjectDisablesItsErredRoomToo() {
        var roomUuid = erredRoom("Deleted in error", "M_FORBIDDEN: no");
        var project = room(roomUuid).json().get("project_uuid").asString();

        deleteProject(ProjectId.of(project));

        awaitState(roomUuid, "archived");
    }

    @Test
    void aRoomStillBeingCreatedWhenItsProjectIsDeletedIsArchivedOnceItsProvisioningEnds() {
        var project = registerProject("Deleted while creating");
        homeserver.rateLimit(project, Duration.ofSeconds(3));
        var roomUuid = createdRoom(project);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> homeserver.calls(project) == 1);
        assertThat(room(roomUuid).json().get("state").asString()).isEqualTo("creating");

        deleteProject(project);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(room(roomUuid).json().get("state").asString()).isEqualTo("archived"));
        var events = auditEvents(roomUuid).stream()
                .filter(e -> !e.get("type").asString().equals("MemberSyncFinished")).toList();
        assertThat(types(events)).containsExactly("RoomCreationRequested", "RoomActivated", "RoomDisablingStarted",
                "RoomMembersRemoved", "RoomArchived");
        assertThat(events.get(2).get("payload").get("reason").asString()).isEqualTo("project termination");
    }

    @Test
    void aRoomWhoseStateCannotBeDisabledIsLeftAsItIsAndNothingIsRecorded() {
        var project = registerProject("Deleted while archived");
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "active");
        // the member sync of the activation reports on its own time: let it, before counting
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%MemberSyncFinished'", Long.class, roomUuid) == 1);
        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/disable/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(roomUuid, "archived");
        long before = eventsOf(roomUuid);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> projectSagas(project) == 1);

        deleteProject(project);

        // the saga has ended once it handled the deletion: nothing of it is left
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> projectSagas(project) == 0);
        // the refused DisableRoom travels on its own: give it time to (not) record anything
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsOf(roomUuid) == before);
        assertThat(room(roomUuid).json().get("state").asString()).isEqualTo("archived");
    }

    private long projectSagas(ProjectId project) {
        return jdbc.queryForObject("select count(*) from association_value_entry where association_key = 'projectId' "
                + "and association_value = ? and saga_type like '%ProjectDeletionSaga'", Long.class, project.toString());
    }

    private void deleteProject(ProjectId project) {
        assertThat(api.delete("/api/host/projects/" + project + "/", TestTokens.host()).status()).isEqualTo(202);
    }

    private List<JsonNode> auditEvents(String roomUuid) {
        var audit = api.get("/api/audit/rooms/" + roomUuid + "/events", TestTokens.auditor());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        var events = new ArrayList<JsonNode>();
        audit.json().get("events").forEach(events::add);
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).toList();
    }
}
