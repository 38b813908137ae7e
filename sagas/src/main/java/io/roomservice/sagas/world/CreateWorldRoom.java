package io.roomservice.sagas.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.List;

/** Find or create a world room's Matrix room in the world's Space, and record it. A newer name replaces a waiting one. */
public record CreateWorldRoom(WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String matrixName, List<String> tags) implements HomeserverWork {

    public static String keyOf(WorldRoomId roomId) {
        return "world-room:" + roomId;
    }

    @Override
    public String key() {
        return keyOf(roomId);
    }
}
