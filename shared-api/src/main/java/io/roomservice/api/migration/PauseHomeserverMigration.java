package io.roomservice.api.migration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts no further room; rooms being recreated finish. */
public record PauseHomeserverMigration(@TargetAggregateIdentifier MigrationId migrationId) {
}
