package io.roomservice.sagas.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWork;

/** Make the project's room exist on the homeserver (found by its alias when an earlier try made it). */
public record CreateMatrixRoom(RoomId roomId, ProjectId projectId, String name) implements HomeserverWork {

    public static String keyOf(RoomId roomId) {
        return "create-room:" + roomId;
    }

    @Override
    public String key() {
        return keyOf(roomId);
    }
}
