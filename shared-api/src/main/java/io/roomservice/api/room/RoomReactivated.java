package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

/** @param matrixRoomId where to say so ("Chat room was reactivated"); null when the room has none */
@Revision("1")
public record RoomReactivated(RoomId roomId, String matrixRoomId) implements RoomEvent {
}
