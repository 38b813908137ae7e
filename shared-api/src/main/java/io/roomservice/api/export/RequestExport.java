package io.roomservice.api.export;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for an export of a room's history.
 *
 * @param matrixRoomId the Matrix room whose messages are exported
 * @param media        whether the room's media are downloaded into a ZIP as well
 */
public record RequestExport(@TargetAggregateIdentifier ExportId exportId, RoomId roomId, String matrixRoomId,
                            ExportType type, boolean media) {
}
