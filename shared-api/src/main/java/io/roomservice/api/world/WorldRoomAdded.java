package io.roomservice.api.world;

import java.util.List;

/** A map or area room was added to the world; {@code matrixName} is its name with the world's prefix. */
public record WorldRoomAdded(WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String name, String matrixName, List<String> tags) {
}
