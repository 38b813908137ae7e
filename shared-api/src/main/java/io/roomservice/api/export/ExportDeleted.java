package io.roomservice.api.export;

import io.roomservice.api.room.RoomId;

public record ExportDeleted(ExportId exportId, RoomId roomId) implements ExportEvent {
}
