package io.roomservice.api.matrix;

import io.roomservice.api.room.RoomId;

/** Answers a {@link RoomTimeline}: the latest {@code limit} messages and membership changes, oldest first. */
public record FindRoomTimeline(RoomId roomId, int limit) {
}
