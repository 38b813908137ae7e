package io.roomservice.sagas.migration;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.RecordRoomMigrated;
import io.roomservice.api.migration.RecordRoomMigrationFailed;
import io.roomservice.api.migration.RecordRoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.ReprovisionRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga reprovisions exactly the rooms the migration starts, follows each until its outcome and
 * reports it; a room that can no longer be reprovisioned is reported skipped. Which room goes next is
 * the aggregate's decision (HomeserverMigrationTest), so two rooms of a plan of three with two started
 * are two reprovisionings.
 */
class HomeserverMigrationSagaTest {

    private final MigrationId id = MigrationId.random();
    private final RoomId a = RoomId.random();
    private final RoomId b = RoomId.random();
    private final RoomId c = RoomId.random();
    private SagaTestFixture<HomeserverMigrationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HomeserverMigrationSaga.class);
    }

    private HomeserverMigrationStarted started() {
        return new HomeserverMigrationStarted(id, "https://matrix.new.example.org", List.of(a, b, c), 0, 2);
    }

    @Test
    void aStartedMigrationIsFollowedAndReprovisionsNothingByItself() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectAssociationWith("migrationId", id.toString())
                .expectNoDispatchedCommands();
    }

    @Test
    void aRoomTheMigrationStartsIsReprovisionedAndFollowed() {
        fixture.givenAPublished(started())
                .whenPublishingA(new RoomMigrationStarted(id, a))
                .expectAssociationWith("roomId", a.toString())
                .expectDispatchedCommands(new ReprovisionRoom(a));
    }

    @Test
    void onlyTheStartedRoomsAreReprovisioned() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .whenPublishingA(new RoomMigrationStarted(id, b))
                .expectNoAssociationWith("roomId", c.toString())
                .expectDispatchedCommands(new ReprovisionRoom(b));
    }

    @Test
    void reprovisioningIsSentAsTheSystemActor() {
        fixture.givenAPublished(started())
                .whenPublishingA(new RoomMigrationStarted(id, a));

        assertThat(fixture.getCommandBus().getDispatchedCommands()).singleElement().satisfies(command ->
                assertThat(command.getMetaData()).containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void theActivatedRoomIsReportedMigratedWithItsNewMatrixRoomId() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .whenPublishingA(new RoomActivated(a, "!new:example.org", "#rs-a:example.org"))
                .expectNoAssociationWith("roomId", a.toString())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordRoomMigrated(id, a, "!new:example.org"));
    }

    @Test
    void aRoomThatFailedIsReportedFailedWithTheReason() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .whenPublishingA(new RoomFailed(a, RoomState.CREATING, "M_FORBIDDEN: no"))
                .expectDispatchedCommands(new RecordRoomMigrationFailed(id, a, "M_FORBIDDEN: no"));
    }

    @Test
    void aRoomDeletedWhileBeingRecreatedIsReportedSkipped() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .whenPublishingA(new RoomDeleted(a, ProjectId.random()))
                .expectDispatchedCommands(new RecordRoomMigrationSkipped(id, a, HomeserverMigrationSaga.DELETED));
    }

    @Test
    void aRoomThatIsNoLongerActiveIsReportedSkippedWithTheRefusal() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReprovisionRoom) {
                throw new CommandRejectedException(RejectionReason.WRONG_STATE, "room-wrong-state",
                        "Only active rooms can be reprovisioned.");
            }
            return null;
        });

        fixture.givenAPublished(started())
                .whenPublishingA(new RoomMigrationStarted(id, a))
                .expectNoAssociationWith("roomId", a.toString())
                .expectDispatchedCommands(new ReprovisionRoom(a),
                        new RecordRoomMigrationSkipped(id, a, "Only active rooms can be reprovisioned."));
    }

    @Test
    void aRoomDeletedSinceThePlanIsReportedSkipped() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReprovisionRoom) {
                throw new AggregateDeletedException(a.toString(), "deleted");
            }
            return null;
        });

        fixture.givenAPublished(started())
                .whenPublishingA(new RoomMigrationStarted(id, a))
                .expectDispatchedCommands(new ReprovisionRoom(a),
                        new RecordRoomMigrationSkipped(id, a, HomeserverMigrationSaga.DELETED_BEFORE));
    }

    @Test
    void eventsOfARoomNotInTheMigrationAreIgnored() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .whenPublishingA(new RoomActivated(c, "!c:example.org", null))
                .expectNoDispatchedCommands();
    }

    @Test
    void aRoomActivatedAgainAfterItsOutcomeIsNotReportedTwice() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .andThenAPublished(new RoomActivated(a, "!new:example.org", null))
                .whenPublishingA(new RoomActivated(a, "!new:example.org", null))
                .expectNoDispatchedCommands();
    }

    @Test
    void aPauseChangesNothingForTheRoomsInProgress() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .andThenAPublished(new HomeserverMigrationPaused(id))
                .whenPublishingA(new RoomActivated(a, "!new:example.org", null))
                .expectDispatchedCommands(new RecordRoomMigrated(id, a, "!new:example.org"));
    }

    @Test
    void aCancelledMigrationFollowsItsRoomsInProgressToTheirOutcomeThenEnds() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .andThenAPublished(new HomeserverMigrationCancelled(id, List.of(b, c)))
                .whenPublishingA(new RoomActivated(a, "!new:example.org", null))
                .expectDispatchedCommands(new RecordRoomMigrated(id, a, "!new:example.org"))
                .expectActiveSagas(0);
    }

    @Test
    void aCancelledMigrationWithNothingInProgressEndsAtOnce() {
        fixture.givenAPublished(started())
                .whenPublishingA(new HomeserverMigrationCancelled(id, List.of(a, b, c)))
                .expectActiveSagas(0);
    }

    @Test
    void theSagaEndsWhenTheMigrationCompletes() {
        fixture.givenAPublished(started())
                .andThenAPublished(new RoomMigrationStarted(id, a))
                .andThenAPublished(new RoomActivated(a, "!new:example.org", null))
                .whenPublishingA(new HomeserverMigrationCompleted(id))
                .expectActiveSagas(0);
    }
}
