package io.roomservice.sagas.room;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWork;

/** Set the Matrix room's {@code m.room.name}; keyed by room, so a newer name replaces one still waiting. */
public record RenameMatrixRoom(RoomId roomId, String matrixRoomId, String name) implements HomeserverWork {

    public static String keyOf(RoomId roomId) {
        return "rename-room:" + roomId;
    }

    @Override
    public String key() {
        return keyOf(roomId);
    }
}
