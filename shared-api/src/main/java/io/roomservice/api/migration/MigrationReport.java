package io.roomservice.api.migration;

import java.time.Instant;
import java.util.List;

/**
 * A migration as it stands: its plan, who started it and when, its progress, and (from
 * {@link FindHomeserverMigration}) each planned room's outcome in plan order; an empty list in the
 * summaries of {@link FindHomeserverMigrations}. {@code finishedAt} is set once it completed or was
 * cancelled. Counts: {@code remaining} = pending (not started yet, zero once cancelled).
 */
public record MigrationReport(MigrationId migrationId, MigrationState state, String homeserverUrl, String startedBy,
                              Instant startedAt, Instant finishedAt, int concurrency, int accountsReset,
                              Progress progress, List<RoomOutcome> rooms) {

    public record Progress(int total, int migrated, int failed, int skipped, int inProgress, int remaining,
                           int notStarted) {
    }
}
