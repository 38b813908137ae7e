package io.roomservice.api.migration;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/** The room was not reprovisioned: it changed since the plan. */
@Revision("1")
public record RoomMigrationSkipped(MigrationId migrationId, RoomId roomId, String reason) implements MigrationEvent {
}
