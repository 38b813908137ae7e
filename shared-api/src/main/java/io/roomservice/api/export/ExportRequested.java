package io.roomservice.api.export;

import io.roomservice.api.room.RoomId;

/** @param requestedBy the actor who asked ({@code user:<uuid>} or {@code system}) */
public record ExportRequested(ExportId exportId, RoomId roomId, String matrixRoomId, ExportType type, boolean media,
                              String requestedBy) implements ExportEvent {
}
