package io.roomservice.api.room;

/** Answers the {@link RoomView}, or null when there is no such room. */
public record FindRoom(RoomId roomId) {
}
