package io.roomservice.api.migration;

/** Every migration, newest first, as {@link MigrationSummaries}; their rooms left out. */
public record FindHomeserverMigrations() {
}
