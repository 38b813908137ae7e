package io.roomservice.api.export;

import io.roomservice.api.room.RoomId;

import java.time.Instant;

/**
 * The exports to remove, as an {@link ExportPage}: with a room, every export of that room not yet
 * deleted; without, every export created before {@code createdBefore} except each room's newest
 * completed one (retention).
 */
public record FindExportsToDelete(RoomId roomId, Instant createdBefore) {
}
