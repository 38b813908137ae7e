package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The homeserver created the room (or it already existed there). */
public record RecordRoomProvisioned(@TargetAggregateIdentifier RoomId roomId, String matrixRoomId, String alias) {
}
