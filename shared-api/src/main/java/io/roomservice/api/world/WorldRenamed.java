package io.roomservice.api.world;


/** The world's name changed; its Space follows when it has one ({@code spaceRoomId} null otherwise). */
public record WorldRenamed(WorldId worldId, String name, String spaceRoomId) {
}
