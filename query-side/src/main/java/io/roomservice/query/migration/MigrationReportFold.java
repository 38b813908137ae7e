package io.roomservice.query.migration;

import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationResumed;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationEvent;
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

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds one migration's events, in order, into its report. Pure: no storage, no clock. */
final class MigrationReportFold {

    private MigrationId migrationId;
    private MigrationState state;
    private String homeserverUrl;
    private String startedBy;
    private Instant startedAt;
    private Instant finishedAt;
    private int concurrency;
    private int accountsReset;
    private final Map<RoomId, RoomOutcome> rooms = new LinkedHashMap<>();

    /** {@code actor} is the actor of the event's metadata, who started or changed the migration. */
    void apply(MigrationEvent event, Instant at, String actor) {
        if (event instanceof HomeserverMigrationStarted started) {
            migrationId = started.migrationId();
            state = MigrationState.RUNNING;
            homeserverUrl = started.homeserverUrl();
            startedBy = actor;
            startedAt = at;
            concurrency = started.concurrency();
            accountsReset = started.accountsReset();
            started.rooms().forEach(room -> rooms.put(room, new RoomOutcome(room, Outcome.PENDING, null, null, null)));
        } else if (event instanceof RoomMigrationStarted roomStarted) {
            outcome(roomStarted.roomId(), Outcome.IN_PROGRESS, null, null, at);
        } else if (event instanceof RoomMigrated migrated) {
            outcome(migrated.roomId(), Outcome.MIGRATED, migrated.matrixRoomId(), null, at);
        } else if (event instanceof RoomMigrationFailed failed) {
            outcome(failed.roomId(), Outcome.FAILED, null, failed.reason(), at);
        } else if (event instanceof RoomMigrationSkipped skipped) {
            outcome(skipped.roomId(), Outcome.SKIPPED, null, skipped.reason(), at);
        } else if (event instanceof HomeserverMigrationPaused) {
            state = MigrationState.PAUSED;
        } else if (event instanceof HomeserverMigrationResumed) {
            state = MigrationState.RUNNING;
        } else if (event instanceof HomeserverMigrationCancelled cancelled) {
            state = MigrationState.CANCELLED;
            finishedAt = at;
            cancelled.notStarted().forEach(room -> outcome(room, Outcome.NOT_STARTED, null, null, at));
        } else if (event instanceof HomeserverMigrationCompleted) {
            state = MigrationState.COMPLETED;
            finishedAt = at;
        }
    }

    private void outcome(RoomId room, Outcome outcome, String matrixRoomId, String reason, Instant at) {
        rooms.put(room, new RoomOutcome(room, outcome, matrixRoomId, reason, at));
    }

    /** Null when no migration was started (no events). */
    MigrationReport report(boolean withRooms) {
        if (migrationId == null) {
            return null;
        }
        var counts = new EnumMap<Outcome, Integer>(Outcome.class);
        rooms.values().forEach(room -> counts.merge(room.outcome(), 1, Integer::sum));
        var progress = new MigrationReport.Progress(rooms.size(), counts.getOrDefault(Outcome.MIGRATED, 0),
                counts.getOrDefault(Outcome.FAILED, 0), counts.getOrDefault(Outcome.SKIPPED, 0),
                counts.getOrDefault(Outcome.IN_PROGRESS, 0), counts.getOrDefault(Outcome.PENDING, 0),
                counts.getOrDefault(Outcome.NOT_STARTED, 0));
        return new MigrationReport(migrationId, state, homeserverUrl, startedBy, startedAt, finishedAt, concurrency,
                accountsReset, progress, withRooms ? List.copyOf(rooms.values()) : List.of());
    }
}
