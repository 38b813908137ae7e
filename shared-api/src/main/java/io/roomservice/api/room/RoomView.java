package io.roomservice.api.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;

import java.time.Instant;

/** A room as the read side shows it. {@code matrixRoomId} and {@code alias} are null until the room is active. */
public record RoomView(RoomId roomId, ProjectId projectId, CustomerId customerId, String name, String alias,
                       String matrixRoomId, RoomState state, String errorMessage, Instant created, Instant modified) {
}
