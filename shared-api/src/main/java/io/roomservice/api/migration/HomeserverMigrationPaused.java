package io.roomservice.api.migration;

import org.axonframework.serialization.Revision;

/** No further room is started until it is resumed. */
@Revision("1")
public record HomeserverMigrationPaused(MigrationId migrationId) implements MigrationEvent {
}
