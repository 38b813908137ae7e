package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The room was not reprovisioned: it changed since the plan (no longer active, deleted). */
public record RecordRoomMigrationSkipped(@TargetAggregateIdentifier MigrationId migrationId, RoomId roomId, String reason) {
}
