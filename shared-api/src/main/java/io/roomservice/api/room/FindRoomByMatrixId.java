package io.roomservice.api.room;

/** Answers the {@link RoomView} of the room with this Matrix room id, or null when no room has it. */
public record FindRoomByMatrixId(String matrixRoomId) {
}
