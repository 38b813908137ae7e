package io.roomservice.sagas.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.room.RenameRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomStateRepairRequested;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A room follows its project's name; its Matrix room is renamed by homeserver work, never by the saga. */
class RoomNamingSagaTest {

    private static final String MATRIX_ROOM_ID = "!apollo:example.org";

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private SagaTestFixture<RoomNamingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomNamingSaga.class);
        fixture.registerResource(work);
    }

    @Test
    void renamingTheProjectRenamesItsRoomAsTheSystemActor() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ProjectRenamed(projectId, "Artemis"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RenameRoom(roomId, "Artemis"));

        assertThat(fixture.getCommandBus().getDispatchedCommands()).singleElement()
                .satisfies(command -> assertThat(command.getMetaData())
                        .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void renamingAnotherProjectLeavesTheRoomAlone() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ProjectRenamed(ProjectId.random(), "Artemis"))
                .expectNoDispatchedCommands();
    }

    @Test
    void anActiveRoomThatWasRenamedGetsItsMatrixRoomRenamed() {
        fixture.givenAPublished(requested())
                .andThenAPublished(activated())
                .whenPublishingA(new RoomRenamed(roomId, "Artemis"))
                .expectNoDispatchedCommands();

        assertThat(work.submitted()).containsExactly(new RenameMatrixRoom(roomId, MATRIX_ROOM_ID, "Artemis"));
        assertThat(work.submitted().get(0).key()).isEqualTo("rename-room:" + roomId);
    }

    @Test
    void aRoomRenamedWhileItIsCreatedIsRenamedOnTheHomeserverOnceItIsActive() {
        var renamedWhileCreating = fixture.givenAPublished(requested())
                .andThenAPublished(new RoomRenamed(roomId, "Artemis"));
        assertThat(work.submitted()).isEmpty();

        renamedWhileCreating.whenPublishingA(activated());

        assertThat(work.submitted()).containsExactly(new RenameMatrixRoom(roomId, MATRIX_ROOM_ID, "Artemis"));
    }

    @Test
    void aRoomActivatedWithTheNameItWasCreatedWithNeedsNoRename() {
        fixture.givenAPublished(requested())
                .whenPublishingA(activated());

        assertThat(work.submitted()).isEmpty();
    }

    @Test
    void aReprovisionedRoomIsCreatedWithItsCurrentNameAndNotRenamedAgain() {
        fixture.givenAPublished(requested())
                .andThenAPublished(activated())
                .andThenAPublished(new RoomRenamed(roomId, "Artemis"))
                .andThenAPublished(new RoomReprovisioningStarted(roomId, projectId, "Artemis", MATRIX_ROOM_ID))
                .whenPublishingA(new RoomActivated(roomId, "!new:example.org", "#rs-apollo:example.org"));

        assertThat(work.submitted()).containsExactly(new RenameMatrixRoom(roomId, MATRIX_ROOM_ID, "Artemis"));
    }

    @Test
    void aRepairOfTheMatrixRoomIsHandedOnAsHomeserverWorkAndCountsAsItsName() {
        fixture.givenAPublished(requested())
                .andThenAPublished(activated())
                .whenPublishingA(new RoomStateRepairRequested(roomId, MATRIX_ROOM_ID, "#rs-apollo:example.org",
                        "Apollo"))
                .expectNoDispatchedCommands();

        assertThat(work.submitted()).containsExactly(new RepairMatrixRoom(roomId, MATRIX_ROOM_ID,
                "#rs-apollo:example.org", "Apollo"));
    }

    @Test
    void theSagaEndsWhenTheProjectOrTheRoomIsDeleted() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new ProjectDeleted(projectId))
                .expectActiveSagas(0);
        new SagaTestFixture<>(RoomNamingSaga.class).givenAPublished(requested())
                .whenPublishingA(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0);
    }

    private RoomCreationRequested requested() {
        return new RoomCreationRequested(roomId, projectId, CustomerId.random(), "Apollo");
    }

    private RoomActivated activated() {
        return new RoomActivated(roomId, MATRIX_ROOM_ID, "#rs-apollo:example.org");
    }
}
