package io.roomservice.api.room;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomActivated(RoomId roomId, String matrixRoomId, String alias) implements RoomEvent {
}
