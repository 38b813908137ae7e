package io.roomservice.sagas.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.sagas.work.HomeserverWork;

/** Empty a deleted world room: everyone kicked, out of the Space, the bot leaves. */
public record VacateWorldRoom(WorldId worldId, WorldRoomId roomId, String matrixRoomId) implements HomeserverWork {

    @Override
    public String key() {
        return "world-room-vacate:" + roomId;
    }
}
