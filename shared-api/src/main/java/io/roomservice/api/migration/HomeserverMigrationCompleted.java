package io.roomservice.api.migration;

import org.axonframework.serialization.Revision;

/** Every planned room has its outcome. */
@Revision("1")
public record HomeserverMigrationCompleted(MigrationId migrationId) implements MigrationEvent {
}
