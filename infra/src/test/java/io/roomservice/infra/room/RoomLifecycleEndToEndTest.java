package io.roomservice.infra.room;

import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoomLifecycleEndToEndTest extends EndToEndTest {

    @Test
    void aCreatedRoomIsAnsweredInCreatingTakesTheProjectNameAndBecomesActive() {
        var project = registerProject("Apollo");

        var created = createRoom(project);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("creating");
        assertThat(created.json().get("room_name").asString()).isEqualTo("Apollo");
        assertThat(created.json().get("project_uuid").asString()).isEqualTo(project.toString());
        assertThat(created.header("Location")).endsWith("/api/matrix/rooms/" + created.json().get("uuid").asString() + "/");
        var roomUuid = created.json().get("uuid").asString();
        awaitState(roomUuid, "active");
        var active = room(roomUuid).json();
        assertThat(active.get("room_id").asString()).startsWith("!");
        assertThat(active.get("room_alias").asString()).contains(project.value().toString().replace("-", ""));
    }

    @Test
    void aRoomWalksThroughItsWholeLifeAndTheAuditTrailShowsEveryStepWithItsActor() {
        var project = registerProject("Gemini");
        var roomUuid = createdRoom(project);
        awaitState(roomUuid, "active");

        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/disable/", TestTokens.support(),
                "{\"delete_history\": true}").status()).isEqualTo(202);
        awaitState(roomUuid, "archived");
        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/reactivate/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(roomUuid, "active");
        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/disable/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(roomUuid, "archived");
        assertThat(api.delete("/api/matrix/rooms/" + roomUuid + "/", TestTokens.staff()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> room(roomUuid).status() == 404);

        var audit = api.get("/api/audit/rooms/" + roomUuid + "/events", TestTokens.auditor());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        var types = new ArrayList<String>();
        var actors = new ArrayList<String>();
        var lifecycle = new ArrayList<JsonNode>();
        audit.json().get("events").forEach(e -> {
            if (e.get("type").asString().equals("MemberSyncFinished")) {
                return; // the member sync of an activation reports on its own time (or is withdrawn by the disable)
            }
            lifecycle.add(e);
            types.add(e.get("type").asString());
            actors.add(e.get("actor").asString());
            assertThat(e.get("correlation_id").asString()).isNotBlank();
            assertThat(e.get("request_id").asString()).isNotBlank();
            assertThat(e.get("payload").get("roomId").asString()).isEqualTo(roomUuid);
        });
        assertThat(types).containsExactly("RoomCreationRequested", "RoomActivated", "RoomDisablingStarted",
                "RoomMembersRemoved", "RoomArchived", "RoomReactivated", "RoomDisablingStarted", "RoomMembersRemoved",
                "RoomArchived", "RoomDeleted");
        assertThat(actors.get(0)).startsWith("user:");
        assertThat(actors.get(1)).isEqualTo("system");
        assertThat(actors.get(3)).isEqualTo("system");
        assertThat(actors.get(4)).isEqualTo("system");
        assertThat(actors.get(9)).startsWith("user:");
        assertThat(lifecycle.get(2).get("payload").get("deleteHistory").asBoolean()).isTrue();
    }

    @Test
    void eventsCausedByOneRequestShareItsCorrelationId() {
        var project = registerProject("Correlated");
        var request = api.builder("/api/matrix/rooms/", TestTokens.staff())
                .header("Content-Type", "application/json").header("X-Correlation-Id", "ticket-4711")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"project\": \"" + project + "\"}"));
        var created = api.send(request);
        var roomUuid = created.json().get("uuid").asString();
        awaitState(roomUuid, "active");

        // the member sync the activation started reports (nobody has a role in the project)
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/audit/rooms/" + roomUuid + "/events",
                TestTokens.staff()).body().contains("MemberSyncFinished"));
        var events = api.get("/api/audit/rooms/" + roomUuid + "/events", TestTokens.staff()).json().get("events");

        // the creation, its activation reported by the homeserver work, and the member sync that the
        // activation started, once it has reported
        List<String> correlations = new ArrayList<>();
        List<String> types = new ArrayList<>();
        events.forEach(e -> {
            correlations.add(e.get("correlation_id").asString());
            types.add(e.get("type").asString());
        });
        assertThat(types).containsExactly("RoomCreationRequested", "RoomActivated", "MemberSyncFinished");
        assertThat(correlations).containsOnly("ticket-4711");
    }

    @Test
    void aPermanentFailurePutsTheRoomInErrorWithTheReasonAndARetryMakesItActive() {
        var roomUuid = erredRoom("Artemis", "M_FORBIDDEN: the bot may not create rooms");
        assertThat(room(roomUuid).json().get("error_message").asString())
                .contains("M_FORBIDDEN: the bot may not create rooms");

        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/retry/", TestTokens.staff(), null).status())
                .isEqualTo(202);
        awaitState(roomUuid, "active");
        assertThat(room(roomUuid).json().get("error_message").isNull()).isTrue();
    }

    @Test
    void transientFailuresAreRetriedOnPersistedDeadlinesUntilTheRoomIsActive() {
        var project = registerProject("Voyager");
        homeserver.failTransiently(project, 2, "Homeserver unreachable: connection refused");

        var roomUuid = createdRoom(project);

        awaitState(roomUuid, "active");
        assertThat(homeserver.calls(project)).isEqualTo(3);
    }

    @Test
    void transientFailuresBeyondTheRetryBudgetPutTheRoomInError() {
        var project = registerProject("Pioneer");
        homeserver.failTransiently(project, 5, "Homeserver unreachable: connection refused");

        var roomUuid = createdRoom(project);

        awaitState(roomUuid, "error");
        assertThat(room(roomUuid).json().get("error_message").asString())
                .contains("after 3 attempts").contains("connection refused");
    }

    @Test
    void anActiveRoomCannotBeDeletedAndTheRefusalRecordsNothing() {
        var roomUuid = activeRoom("Mercury");
        long before = eventsOf(roomUuid);

        var delete = api.delete("/api/matrix/rooms/" + roomUuid + "/", TestTokens.staff());

        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.contentType()).startsWith("application/problem+json");
        assertThat(delete.json().get("code").asString()).isEqualTo("room-wrong-state");
        assertThat(delete.json().get("detail").asString())
                .isEqualTo("Only rooms in error, creating or archived state can be deleted.");
        assertThat(eventsOf(roomUuid)).isEqualTo(before);
    }
}
