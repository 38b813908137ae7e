package io.roomservice.api.world;


/** A world room's Matrix room exists, a child of the Space; {@code removed} when the room was deleted meanwhile (it is then emptied at once). */
public record WorldRoomProvisioned(WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String matrixRoomId, boolean removed) {
}
