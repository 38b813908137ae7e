package io.roomservice.sagas.world;

import io.roomservice.sagas.work.HomeserverWork;

import java.util.List;
import java.util.UUID;

/** Set the name (and tags, unless null: the Space has none) of a world's Space or room. */
public record DescribeWorldRoom(UUID placeId, String matrixRoomId, String matrixName, List<String> tags) implements HomeserverWork {

    @Override
    public String key() {
        return "world-describe:" + placeId;
    }
}
