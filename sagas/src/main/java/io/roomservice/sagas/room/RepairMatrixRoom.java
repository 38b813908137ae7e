package io.roomservice.sagas.room;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Give the Matrix room its alias (null: the room has none to restore) and its name again; keyed by room,
 * so a newer repair replaces one still waiting.
 */
public record RepairMatrixRoom(RoomId roomId, String matrixRoomId, String alias, String name)
        implements HomeserverWork {

    @Override
    public String key() {
        return "repair-room:" + roomId;
    }
}
