package io.roomservice.api.audit;

import io.roomservice.api.room.RoomId;

import java.time.Instant;

/** Answers the room's {@link io.roomservice.api.room.RoomView} as it was at {@code at}, or null if it did not exist yet. */
public record FindRoomStateAt(RoomId roomId, Instant at) {
}
