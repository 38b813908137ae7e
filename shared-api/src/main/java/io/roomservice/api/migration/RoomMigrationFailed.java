package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/** Provisioning the room on the new homeserver ended in error (the room is in error; retry it). */
@Revision("1")
public record RoomMigrationFailed(MigrationId migrationId, RoomId roomId, String reason) implements MigrationEvent {
}
