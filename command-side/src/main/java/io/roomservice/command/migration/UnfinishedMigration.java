package io.roomservice.command.migration;

import io.roomservice.api.migration.MigrationId;

import java.util.Optional;

/**
 * The set-based rule "at most one unfinished migration", decided where a migration starts: the one
 * place for an unfinished migration is claimed in the starting command's transaction, so the claim
 * and the migration's first event commit or roll back together, and of two racing starts one wins.
 */
@FunctionalInterface
public interface UnfinishedMigration {

    /**
     * Claims the place for {@code migrationId}. Not claimed: the unfinished migration holding it, or
     * empty when a racing start took it (on PostgreSQL its transaction is aborted, nothing more is read).
     */
    Claim claim(MigrationId migrationId);

    record Claim(boolean claimed, Optional<MigrationId> holder) {

        public static Claim won() {
            return new Claim(true, Optional.empty());
        }

        public static Claim heldBy(Optional<MigrationId> holder) {
            return new Claim(false, holder);
        }
    }
}
