package io.roomservice.infra.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomView;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer with the right status, and records nothing. */
class RoomBadInputEndToEndTest extends EndToEndTest {

    @Autowired
    private QueryGateway queries;

    @Autowired
    private QueryUpdateEmitter updateEmitter;

    @Test
    void malformedJsonIsABadRequestAndRecordsNothing() {
        var project = registerProject("Malformed");
        var response = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": \"" + project + "\"");
        assertProblem(response, 400, "malformed-body");
        assertThat(eventsMentioning(project)).isEqualTo(1);
    }

    @Test
    void aProjectOfTheWrongTypeIsABadRequestNamingTheField() {
        var response = api.post("/api/matrix/rooms/", TestTokens.staff(), "{\"project\": 42}");
        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("field").asString()).isEqualTo("project");
    }

    @Test
    void aMissingProjectIsABadRequestNamingTheField() {
        var response = api.post("/api/matrix/rooms/", TestTokens.staff(), "{}");
        assertProblem(response, 400, "invalid-field");
        assertThat(response.json().get("field").asString()).isEqualTo("project");
    }

    @Test
    void anUnknownProjectIsABadRequestAndRecordsNothing() {
        var project = new ProjectId(UUID.randomUUID());
        var response = createRoom(project);
        assertProblem(response, 400, "unknown-project");
        assertThat(eventsMentioning(project)).isZero();
    }

    @Test
    void aDeletedProjectCannotGetARoom() {
        var project = registerProject("Removed");
        assertThat(api.delete("/api/host/projects/" + project + "/", TestTokens.host()).status()).isEqualTo(202);
        assertProblem(createRoom(project), 400, "unknown-project");
    }

    @Test
    void aSecondRoomForAProjectIsABadRequest() {
        var project = registerProject("Twice");
        createdRoom(project);
        assertProblem(createRoom(project), 400, "project-already-has-room");
        assertThat(eventsMentioning(project)).isEqualTo(2);
    }

    @Test
    void aCreateThatIsRefusedLeavesNoSubscriptionToTheRoomOpen() {
        long before = openRoomSubscriptions();
        var probe = queries.subscriptionQuery(new FindRoom(RoomId.random()), RoomView.class, RoomView.class);
        assertThat(openRoomSubscriptions()).as("an open subscription is seen").isEqualTo(before + 1);
        probe.close();
        assertThat(openRoomSubscriptions()).as("a closed one is not").isEqualTo(before);

        assertProblem(createRoom(new ProjectId(UUID.randomUUID())), 400, "unknown-project");
        var project = registerProject("Subscribed once");
        createdRoom(project);
        assertProblem(createRoom(project), 400, "project-already-has-room");

        assertThat(openRoomSubscriptions()).as("subscriptions to rooms left open by the creates").isEqualTo(before);
    }

    /** The subscription queries for one room that the projection's updates are still matched against. */
    private long openRoomSubscriptions() {
        return updateEmitter.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof FindRoom)
                .count();
    }

    @Test
    void whenTwoRequestsRaceForOneProjectExactlyOneRoomIsCreated() throws Exception {
        var project = registerProject("Race");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var attempts = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> createRoom(project).status());
            }
            var statuses = new ArrayList<Integer>();
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from cmd_room_by_project where project_id = ?", Long.class,
                project.value())).isEqualTo(1);
        assertThat(eventsMentioning(project)).as("ProjectRegistered and one RoomCreationRequested").isEqualTo(2);
    }

    @Test
    void anUnknownRoomIsNotFound() {
        var id = UUID.randomUUID();
        assertProblem(api.get("/api/matrix/rooms/" + id + "/", TestTokens.staff()), 404, "not-found");
        assertProblem(api.post("/api/matrix/rooms/" + id + "/retry/", TestTokens.staff(), null), 404, "not-found");
        assertProblem(api.delete("/api/matrix/rooms/" + id + "/", TestTokens.staff()), 404, "not-found");
    }

    @Test
    void aRoomIdThatIsNotAUuidIsABadRequest() {
        assertProblem(api.get("/api/matrix/rooms/not-a-uuid/", TestTokens.staff()), 400, "invalid-parameter");
    }

    @Test
    void anUnknownStateFilterIsABadRequest() {
        assertProblem(api.get("/api/matrix/rooms/?state=sleeping", TestTokens.staff()), 400, "invalid-parameter");
    }

    @Test
    void aTransitionFromTheWrongStateIsAConflictAndRecordsNothing() {
        var roomUuid = activeRoom("Wrong state");
        long before = eventsOf(roomUuid);
        var response = api.post("/api/matrix/rooms/" + roomUuid + "/reactivate/", TestTokens.staff(), null);
        assertProblem(response, 409, "room-wrong-state");
        assertThat(response.json().get("detail").asString()).isEqualTo("Only archived rooms can be reactivated.");
        assertProblem(api.post("/api/matrix/rooms/" + roomUuid + "/retry/", TestTokens.staff(), null), 409,
                "room-wrong-state");
        assertThat(eventsOf(roomUuid)).isEqualTo(before);
    }

    @Test
    void aDisableBodyWithAWrongTypeIsABadRequest() {
        var roomUuid = activeRoom("Typed");
        var response = api.post("/api/matrix/rooms/" + roomUuid + "/disable/", TestTokens.staff(),
                "{\"delete_history\": \"yes please\"}");
        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("field").asString()).isEqualTo("delete_history");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() {
        var huge = "{\"project\": \"" + UUID.randomUUID() + "\", \"padding\": \"" + "x".repeat(200_000) + "\"}";
        assertProblem(api.post("/api/matrix/rooms/", TestTokens.staff(), huge), 413, "body-too-large");
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertProblem(api.get("/api/matrix/rooms/", TestTokens.expiredStaff()), 401, "unauthenticated");
    }

    @Test
    void aTokenSignedByAnotherIssuerIsUnauthenticated() {
        assertProblem(api.get("/api/matrix/rooms/", TestTokens.foreignStaff()), 401, "unauthenticated");
    }

    @Test
    void noTokenIsUnauthenticated() {
        var response = api.get("/api/matrix/rooms/", null);
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void onlyStaffAndSupportMayCreateRooms() {
        var project = registerProject("Members only");
        var response = api.post("/api/matrix/rooms/", TestTokens.person(UUID.randomUUID()),
                "{\"project\": \"" + project + "\"}");
        assertProblem(response, 403, "forbidden");
        assertThat(api.post("/api/matrix/rooms/", TestTokens.support(), "{\"project\": \"" + project + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    void supportMayNotRetryOrReactivateButStaffMay() {
        var roomUuid = erredRoom("Staff only", "M_FORBIDDEN: no");
        assertProblem(api.post("/api/matrix/rooms/" + roomUuid + "/retry/", TestTokens.support(), null), 403, "forbidden");
        assertThat(api.post("/api/matrix/rooms/" + roomUuid + "/retry/", TestTokens.staff(), null).status()).isEqualTo(202);
    }

    @Test
    void theHostAccountMayOnlyUseTheHostApiAndPeopleMayNotUseIt() {
        assertProblem(api.get("/api/matrix/rooms/", TestTokens.host()), 403, "forbidden");
        assertProblem(api.put("/api/host/projects/" + UUID.randomUUID() + "/", TestTokens.staff(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}"), 403, "forbidden");
        assertProblem(api.get("/api/audit/rooms/" + UUID.randomUUID() + "/events", TestTokens.person(UUID.randomUUID())),
                403, "forbidden");
    }

    @Test
    void peopleWithoutARoleSeeNoRooms() {
        var roomUuid = createdRoom(registerProject("Invisible"));
        var stranger = TestTokens.person(UUID.randomUUID());
        assertThat(api.get("/api/matrix/rooms/", stranger).json().size()).isZero();
        assertProblem(api.get("/api/matrix/rooms/" + roomUuid + "/", stranger), 404, "not-found");
    }

    @Test
    void hostProjectCallsAreValidatedAndIdempotent() {
        var project = UUID.randomUUID();
        var customer = UUID.randomUUID();
        assertProblem(api.put("/api/host/projects/" + project + "/", TestTokens.host(), "{\"customer\": \"" + customer
                + "\", \"name\": \"  \"}"), 400, "invalid-field");
        var body = "{\"customer\": \"" + customer + "\", \"name\": \"Idem\"}";
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(), body).status()).isEqualTo(202);
        assertThat(api.put("/api/host/projects/" + project + "/", TestTokens.host(), body).status()).isEqualTo(202);
        assertThat(eventsOf(project)).isEqualTo(1);
        assertThat(api.delete("/api/host/projects/" + project + "/", TestTokens.host()).status()).isEqualTo(202);
        assertThat(api.delete("/api/host/projects/" + project + "/", TestTokens.host()).status()).isEqualTo(202);
        assertThat(eventsOf(project)).isEqualTo(2);
        assertProblem(api.delete("/api/host/projects/" + UUID.randomUUID() + "/", TestTokens.host()), 404, "not-found");
        assertProblem(api.put("/api/host/projects/" + project + "/", TestTokens.host(), body), 409, "project-deleted");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
