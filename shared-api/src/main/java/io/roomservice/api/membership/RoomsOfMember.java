package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;

import java.util.Set;

public record RoomsOfMember(Set<RoomId> rooms) {
}
