package io.roomservice.api.migration;

import org.axonframework.serialization.Revision;

/** Rooms are started again. */
@Revision("1")
public record HomeserverMigrationResumed(MigrationId migrationId) implements MigrationEvent {
}
