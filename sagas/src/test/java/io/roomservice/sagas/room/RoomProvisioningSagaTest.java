package io.roomservice.sagas.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioning saga decides; the homeserver work it submits ({@link CreateMatrixRoom}) creates the
 * room and reports back. No homeserver call and no retry deadline of its own.
 */
class RoomProvisioningSagaTest {

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private SagaTestFixture<RoomProvisioningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomProvisioningSaga.class);
        fixture.registerResource(work);
    }

    private RoomCreationRequested creationRequested() {
        return new RoomCreationRequested(roomId, projectId, CustomerId.random(), "Apollo");
    }

    @Test
    void aRequestedRoomIsSubmittedForCreationOnTheHomeserver() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested())
                .expectActiveSagas(1)
                .expectAssociationWith("roomId", roomId.toString())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();

        assertThat(work.submitted()).containsExactly(new CreateMatrixRoom(roomId, projectId, "Apollo"));
    }

    @Test
    void aRetryOfARoomInErrorSubmitsTheCreationAgain() {
        fixture.givenAPublished(creationRequested())
                .andThenAPublished(new RoomFailed(roomId, RoomState.CREATING, "M_FORBIDDEN"))
                .whenPublishingA(new RoomProvisioningRetried(roomId, projectId, "Apollo"))
                .expectActiveSagas(1);

        assertThat(work.submitted()).hasSize(2).allMatch(w -> w.key().equals(CreateMatrixRoom.keyOf(roomId)));
    }

    @Test
    void reprovisioningSubmitsTheCreationOnTheNewHomeserver() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomReprovisioningStarted(roomId, projectId, "Apollo", "!old:example.org"))
                .expectActiveSagas(1);

        assertThat(work.submitted()).containsExactly(new CreateMatrixRoom(roomId, projectId, "Apollo"));
    }

    @Test
    void theSagaEndsWhenTheRoomIsActivated() {
        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomActivated(roomId, "!apollo:example.org", "#rs-apollo:example.org"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheRoomFailed() {
        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomFailed(roomId, RoomState.CREATING, "M_FORBIDDEN"))
                .expectActiveSagas(0);
    }

    @Test
    void aRoomDeletedWhileItsCreationWaitsWithdrawsTheWaitingWork() {
        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0);

        assertThat(work.cancelled()).containsExactly(CreateMatrixRoom.keyOf(roomId));
    }

    @Test
    void eventsOfAnotherRoomLeaveTheSagaAlone() {
        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomActivated(RoomId.random(), "!other:example.org", null))
                .expectActiveSagas(1);
    }
}
