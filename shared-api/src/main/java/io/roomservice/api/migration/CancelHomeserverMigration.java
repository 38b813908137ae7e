package io.roomservice.api.migration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts no further room, for good; rooms being recreated finish and are recorded. */
public record CancelHomeserverMigration(@TargetAggregateIdentifier MigrationId migrationId) {
}
