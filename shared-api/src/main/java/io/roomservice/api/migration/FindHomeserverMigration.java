package io.roomservice.api.migration;

/** One migration's report with every room's outcome; null when there is no such migration. */
public record FindHomeserverMigration(MigrationId migrationId) {
}
