package io.roomservice.infra.room;

import io.roomservice.api.room.RoomView;

import java.time.Instant;
import java.util.UUID;

/** A room as the API shows it (field names as in the specification, snake_case on the wire). */
public record RoomResponse(UUID uuid, UUID projectUuid, UUID customerUuid, String roomName, String roomAlias,
                           String roomId, String state, String errorMessage, Instant created, Instant modified) {

    public static RoomResponse of(RoomView room) {
        return new RoomResponse(room.roomId().value(), room.projectId().value(), room.customerId().value(), room.name(),
                room.alias(), room.matrixRoomId(), room.state().wireName(), room.errorMessage(), room.created(),
                room.modified());
    }
}
