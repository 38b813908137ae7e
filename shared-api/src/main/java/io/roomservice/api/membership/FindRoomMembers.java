package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;

/** Answers {@link RoomMembers}: one page of a room's members, ordered by Matrix user id. */
public record FindRoomMembers(RoomId roomId, int page, int size) {
}
