package io.roomservice.api.world;

import java.util.List;

/** A world room was renamed or re-tagged; {@code matrixRoomId} null while it has no Matrix room yet. */
public record WorldRoomChanged(WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String name, String matrixName, List<String> tags, String matrixRoomId) {
}
