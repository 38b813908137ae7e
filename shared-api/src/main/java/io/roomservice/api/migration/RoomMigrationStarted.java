package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/** The migration sends this room through provisioning now; it does so once per migration. */
@Revision("1")
public record RoomMigrationStarted(MigrationId migrationId, RoomId roomId) implements MigrationEvent {
}
