package io.roomservice.sagas.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectDeletionSagaTest {

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();

    private SagaTestFixture<ProjectDeletionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProjectDeletionSaga.class);
    }

    @Test
    void aRequestedRoomIsFollowedByItsProject() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("roomId", roomId.toString())
                .expectAssociationWith("projectId", projectId.toString())
                .expectNoDispatchedCommands();
    }

    @Test
    void deletingTheProjectDisablesItsRoomKeepingTheHistoryAndEndsTheSaga() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new RoomActivated(roomId, "!apollo:example.org", "#rs-apollo:example.org"))
                .whenPublishingA(new ProjectDeleted(projectId))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new DisableRoom(roomId, false, ProjectDeletionSaga.REASON));
    }

    @Test
    void theDisableCommandIsSentAsTheSystemActor() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new RoomActivated(roomId, "!apollo:example.org", "#rs-apollo:example.org"))
                .whenPublishingA(new ProjectDeleted(projectId));

        assertThat(fixture.getCommandBus().getDispatchedCommands())
                .singleElement()
                .satisfies(command -> assertThat(command.getMetaData())
                        .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void deletingAnotherProjectLeavesTheRoomAlone() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ProjectDeleted(ProjectId.random()))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheRoomIsDeleted() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aProjectDeletedAfterItsRoomWasDeletedSendsNothing() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new RoomDeleted(roomId, projectId))
                .whenPublishingA(new ProjectDeleted(projectId))
                .expectNoDispatchedCommands();
    }

    private RoomCreationRequested requested() {
        return new RoomCreationRequested(roomId, projectId, customerId, "Apollo");
    }

    @Test
    void aRoomStillBeingCreatedWhenItsProjectIsDeletedIsDisabledOnceItIsActive() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new ProjectDeleted(projectId))
                .whenPublishingA(new RoomActivated(roomId, "!apollo:example.org", "#rs-apollo:example.org"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new DisableRoom(roomId, false, ProjectDeletionSaga.REASON));
    }

    @Test
    void aRoomStillBeingCreatedWhenItsProjectIsDeletedWaitsForItsProvisioning() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ProjectDeleted(projectId))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRoomWhoseProvisioningFailsAfterItsProjectWasDeletedIsDisabledFromError() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new ProjectDeleted(projectId))
                .whenPublishingA(new RoomFailed(roomId, RoomState.CREATING, "homeserver down"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new DisableRoom(roomId, false, ProjectDeletionSaga.REASON));
    }

    @Test
    void aRetriedRoomOfADeletedProjectIsDisabledOnceItIsActive() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new RoomFailed(roomId, RoomState.CREATING, "homeserver down"))
                .andThenAPublished(new RoomProvisioningRetried(roomId, projectId, "Apollo"))
                .andThenAPublished(new ProjectDeleted(projectId))
                .whenPublishingA(new RoomActivated(roomId, "!apollo:example.org", "#rs-apollo:example.org"))
                .expectDispatchedCommands(new DisableRoom(roomId, false, ProjectDeletionSaga.REASON));
    }
}
