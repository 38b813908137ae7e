package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Provisioning the room on the new homeserver ended in error, for this reason. */
public record RecordRoomMigrationFailed(@TargetAggregateIdentifier MigrationId migrationId, RoomId roomId, String reason) {
}
