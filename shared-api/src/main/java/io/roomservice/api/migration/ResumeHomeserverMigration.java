package io.roomservice.api.migration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts rooms again after a pause. */
public record ResumeHomeserverMigration(@TargetAggregateIdentifier MigrationId migrationId) {
}
