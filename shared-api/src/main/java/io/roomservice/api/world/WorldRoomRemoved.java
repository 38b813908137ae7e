package io.roomservice.api.world;


/** A world room was deleted: everyone is kicked from its Matrix room ({@code matrixRoomId} null when it had none), then the bot leaves. */
public record WorldRoomRemoved(WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String matrixRoomId, String spaceRoomId) {
}
