package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The room is active on the new homeserver under this Matrix room id. */
public record RecordRoomMigrated(@TargetAggregateIdentifier MigrationId migrationId, RoomId roomId, String matrixRoomId) {
}
