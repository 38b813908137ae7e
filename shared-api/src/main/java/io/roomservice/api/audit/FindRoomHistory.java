package io.roomservice.api.audit;

import io.roomservice.api.room.RoomId;

/** Answers a {@link RoomHistory}: every event of the room, in order. */
public record FindRoomHistory(RoomId roomId) {
}
