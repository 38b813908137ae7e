package io.roomservice.query.migration;

import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.MigrationReport;
import io.roomservice.api.migration.MigrationState;
import io.roomservice.api.migration.RoomMigrated;
import io.roomservice.api.migration.RoomMigrationFailed;
import io.roomservice.api.migration.RoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.api.migration.RoomOutcome;
import io.roomservice.api.migration.RoomOutcome.Outcome;
import io.roomservice.api.room.RoomId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationReportFoldTest {

    private final MigrationId id = MigrationId.random();
    private final List<RoomId> rooms = List.of(RoomId.random(), RoomId.random(), RoomId.random(), RoomId.random(),
            RoomId.random());
    private final Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    private final MigrationReportFold fold = new MigrationReportFold();

    @Test
    void noEventsIsNoMigration() {
        assertThat(fold.report(true)).isNull();
    }

    @Test
    void theReportCountsEachRoomByItsOutcomeAndListsThemInPlanOrder() {
        fold.apply(new HomeserverMigrationStarted(id, "https://new.example.org", rooms, 7, 2), t0, "user:staff");
        fold.apply(new RoomMigrationStarted(id, rooms.get(0)), t0, "user:staff");
        fold.apply(new RoomMigrationStarted(id, rooms.get(1)), t0, "user:staff");
        fold.apply(new RoomMigrated(id, rooms.get(0), "!new:example.org"), t0.plusSeconds(1), "system");
        fold.apply(new RoomMigrationStarted(id, rooms.get(2)), t0.plusSeconds(1), "system");
        fold.apply(new RoomMigrationFailed(id, rooms.get(1), "M_FORBIDDEN"), t0.plusSeconds(2), "system");
        fold.apply(new RoomMigrationStarted(id, rooms.get(3)), t0.plusSeconds(2), "system");
        fold.apply(new RoomMigrationSkipped(id, rooms.get(3), "archived"), t0.plusSeconds(2), "system");
        fold.apply(new HomeserverMigrationPaused(id), t0.plusSeconds(3), "user:staff");

        MigrationReport report = fold.report(true);

        assertThat(report.state()).isEqualTo(MigrationState.PAUSED);
        assertThat(report.startedBy()).isEqualTo("user:staff");
        assertThat(report.startedAt()).isEqualTo(t0);
        assertThat(report.finishedAt()).isNull();
        assertThat(report.accountsReset()).isEqualTo(7);
        assertThat(report.progress()).isEqualTo(new MigrationReport.Progress(5, 1, 1, 1, 1, 1, 0));
        assertThat(report.rooms()).extracting(RoomOutcome::roomId).containsExactlyElementsOf(rooms);
        assertThat(report.rooms().get(0).matrixRoomId()).isEqualTo("!new:example.org");
        assertThat(report.rooms().get(1).reason()).isEqualTo("M_FORBIDDEN");
    }

    @Test
    void cancellingMarksTheRoomsNotStartedAndFinishesTheMigration() {
        fold.apply(new HomeserverMigrationStarted(id, "https://new.example.org", rooms, 0, 1), t0, "user:staff");
        fold.apply(new RoomMigrationStarted(id, rooms.get(0)), t0, "user:staff");
        fold.apply(new HomeserverMigrationCancelled(id, rooms.subList(1, 5)), t0.plusSeconds(5), "user:staff");

        MigrationReport report = fold.report(false);

        assertThat(report.state()).isEqualTo(MigrationState.CANCELLED);
        assertThat(report.finishedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(report.progress()).isEqualTo(new MigrationReport.Progress(5, 0, 0, 0, 1, 0, 4));
        assertThat(report.rooms()).isEmpty();
    }

    @Test
    void outcomesAreNamedInSnakeCaseOnTheWire() {
        assertThat(Outcome.IN_PROGRESS.wireName()).isEqualTo("in_progress");
        assertThat(Outcome.NOT_STARTED.wireName()).isEqualTo("not_started");
    }
}
