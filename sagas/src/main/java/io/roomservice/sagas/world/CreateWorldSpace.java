package io.roomservice.sagas.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.sagas.work.HomeserverWork;

/** Find or create the world's Space, and record it. */
public record CreateWorldSpace(WorldId worldId, String name) implements HomeserverWork {

    @Override
    public String key() {
        return "world-space:" + worldId;
    }
}
