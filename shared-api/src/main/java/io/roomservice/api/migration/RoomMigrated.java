package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/** The room is active on the new homeserver under this Matrix room id. */
@Revision("1")
public record RoomMigrated(MigrationId migrationId, RoomId roomId, String matrixRoomId) implements MigrationEvent {
}
