package io.roomservice.command.migration;

import io.roomservice.api.migration.CancelHomeserverMigration;
import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationResumed;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.PauseHomeserverMigration;
import io.roomservice.api.migration.RecordRoomMigrated;
import io.roomservice.api.migration.RecordRoomMigrationFailed;
import io.roomservice.api.migration.RecordRoomMigrationSkipped;
import io.roomservice.api.migration.ResumeHomeserverMigration;
import io.roomservice.api.migration.RoomMigrated;
import io.roomservice.api.migration.RoomMigrationFailed;
import io.roomservice.api.migration.RoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.api.migration.StartHomeserverMigration;
import io.roomservice.api.room.RoomId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.roomservice.api.common.RejectionReason.CONFLICT;
import static io.roomservice.api.common.RejectionReason.WRONG_STATE;
import static io.roomservice.command.Refusals.rejectedAs;

/**
 * The migration decides which room goes next: never more than its concurrency at once, each planned
 * room once, completed when every room has its outcome; pause, resume and cancel, and their refusals.
 */
class HomeserverMigrationTest {

    private static final String URL = "https://matrix.new.example.org";
    private static final String WRONG_STATE_CODE = "migration-wrong-state";

    private final MigrationId id = MigrationId.random();
    private final RoomId a = RoomId.random();
    private final RoomId b = RoomId.random();
    private final RoomId c = RoomId.random();
    private final List<RoomId> plan = List.of(a, b, c);
    private Optional<MigrationId> unfinished = Optional.empty();
    private AggregateTestFixture<HomeserverMigration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HomeserverMigration.class);
        fixture.registerInjectableResource((UnfinishedMigration) migration -> unfinished
                .map(holder -> UnfinishedMigration.Claim.heldBy(Optional.of(holder)))
                .orElse(UnfinishedMigration.Claim.won()));
    }

    private HomeserverMigrationStarted started(int concurrency) {
        return new HomeserverMigrationStarted(id, URL, plan, 5, concurrency);
    }

    @Test
    void startingRecordsThePlanAndStartsAsManyRoomsAsTheConcurrencyAllows() {
        fixture.givenNoPriorActivity()
                .when(new StartHomeserverMigration(id, URL, plan, 5, 2))
                .expectEvents(started(2), new RoomMigrationStarted(id, a), new RoomMigrationStarted(id, b));
    }

    @Test
    void aRoomPlannedTwiceIsStartedOnce() {
        fixture.givenNoPriorActivity()
                .when(new StartHomeserverMigration(id, URL, List.of(a, a), 0, 2))
                .expectEvents(new HomeserverMigrationStarted(id, URL, List.of(a), 0, 2), new RoomMigrationStarted(id, a));
    }

    @Test
    void aMigrationWithoutRoomsCompletesAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new StartHomeserverMigration(id, URL, List.of(), 3, 2))
                .expectEvents(new HomeserverMigrationStarted(id, URL, List.of(), 3, 2),
                        new HomeserverMigrationCompleted(id));
    }

    @Test
    void aSecondMigrationWhileOneIsUnfinishedIsRefused() {
        unfinished = Optional.of(MigrationId.random());

        fixture.givenNoPriorActivity()
                .when(new StartHomeserverMigration(id, URL, plan, 0, 2))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT, "migration-already-running"));
    }

    @Test
    void aMigratedRoomMakesRoomForTheNextOne() {
        fixture.given(started(2), new RoomMigrationStarted(id, a), new RoomMigrationStarted(id, b))
                .when(new RecordRoomMigrated(id, a, "!new-a:example.org"))
                .expectEvents(new RoomMigrated(id, a, "!new-a:example.org"), new RoomMigrationStarted(id, c));
    }

    @Test
    void aFailedRoomIsRecordedWithItsReasonAndTheNextOneStarts() {
        fixture.given(started(1), new RoomMigrationStarted(id, a))
                .when(new RecordRoomMigrationFailed(id, a, "M_FORBIDDEN"))
                .expectEvents(new RoomMigrationFailed(id, a, "M_FORBIDDEN"), new RoomMigrationStarted(id, b));
    }

    @Test
    void aSkippedRoomIsRecordedWithItsReasonAndTheNextOneStarts() {
        fixture.given(started(1), new RoomMigrationStarted(id, a))
                .when(new RecordRoomMigrationSkipped(id, a, "archived"))
                .expectEvents(new RoomMigrationSkipped(id, a, "archived"), new RoomMigrationStarted(id, b));
    }

    @Test
    void theLastOutcomeCompletesTheMigration() {
        fixture.given(started(2), new RoomMigrationStarted(id, a), new RoomMigrationStarted(id, b),
                        new RoomMigrated(id, a, "!a"), new RoomMigrationStarted(id, c), new RoomMigrated(id, b, "!b"))
                .when(new RecordRoomMigrated(id, c, "!c"))
                .expectEvents(new RoomMigrated(id, c, "!c"), new HomeserverMigrationCompleted(id));
    }

    @Test
    void anOutcomeForARoomNotInProgressRecordsNothing() {
        fixture.given(started(1), new RoomMigrationStarted(id, a), new RoomMigrated(id, a, "!a"),
                        new RoomMigrationStarted(id, b))
                .when(new RecordRoomMigrated(id, a, "!a"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPausedMigrationRecordsOutcomesButStartsNoFurtherRoom() {
        fixture.given(started(1), new RoomMigrationStarted(id, a), new HomeserverMigrationPaused(id))
                .when(new RecordRoomMigrated(id, a, "!a"))
                .expectEvents(new RoomMigrated(id, a, "!a"));
    }

    @Test
    void resumingStartsRoomsUpToTheConcurrency() {
        fixture.given(started(2), new RoomMigrationStarted(id, a), new RoomMigrationStarted(id, b),
                        new HomeserverMigrationPaused(id), new RoomMigrated(id, a, "!a"), new RoomMigrated(id, b, "!b"))
                .when(new ResumeHomeserverMigration(id))
                .expectEvents(new HomeserverMigrationResumed(id), new RoomMigrationStarted(id, c));
    }

    @Test
    void aPausedMigrationWhoseLastRoomFinishesCompletes() {
        fixture.given(started(3), new RoomMigrationStarted(id, a), new RoomMigrationStarted(id, b),
                        new RoomMigrationStarted(id, c), new HomeserverMigrationPaused(id),
                        new RoomMigrated(id, a, "!a"), new RoomMigrated(id, b, "!b"))
                .when(new RecordRoomMigrated(id, c, "!c"))
                .expectEvents(new RoomMigrated(id, c, "!c"), new HomeserverMigrationCompleted(id));
    }

    @Test
    void cancellingLeavesTheRoomsNotStartedAlone() {
        fixture.given(started(1), new RoomMigrationStarted(id, a))
                .when(new CancelHomeserverMigration(id))
                .expectEvents(new HomeserverMigrationCancelled(id, List.of(b, c)));
    }

    @Test
    void aRoomInProgressWhenCancelledStillGetsItsOutcomeAndNothingStartsAfterIt() {
        fixture.given(started(1), new RoomMigrationStarted(id, a), new HomeserverMigrationCancelled(id, List.of(b, c)))
                .when(new RecordRoomMigrated(id, a, "!a"))
                .expectEvents(new RoomMigrated(id, a, "!a"));
    }

    @Test
    void pausingAndCancellingAgainChangeNothing() {
        fixture.given(started(1), new HomeserverMigrationPaused(id))
                .when(new PauseHomeserverMigration(id))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(1), new HomeserverMigrationCancelled(id, List.of()))
                .when(new CancelHomeserverMigration(id))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resumingARunningMigrationChangesNothing() {
        fixture.given(started(1), new RoomMigrationStarted(id, a))
                .when(new ResumeHomeserverMigration(id))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFinishedMigrationCannotBePausedOrResumed() {
        fixture.given(new HomeserverMigrationStarted(id, URL, List.of(), 0, 1), new HomeserverMigrationCompleted(id))
                .when(new PauseHomeserverMigration(id))
                .expectNoEvents()
                .expectException(rejectedAs(WRONG_STATE, WRONG_STATE_CODE));
        fixture.given(started(1), new HomeserverMigrationCancelled(id, plan))
                .when(new ResumeHomeserverMigration(id))
                .expectNoEvents()
                .expectException(rejectedAs(WRONG_STATE, WRONG_STATE_CODE));
    }

    @Test
    void aCompletedMigrationCannotBeCancelled() {
        fixture.given(new HomeserverMigrationStarted(id, URL, List.of(), 0, 1), new HomeserverMigrationCompleted(id))
                .when(new CancelHomeserverMigration(id))
                .expectNoEvents()
                .expectException(rejectedAs(WRONG_STATE, WRONG_STATE_CODE));
    }
}
