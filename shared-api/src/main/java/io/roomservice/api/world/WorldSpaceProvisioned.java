package io.roomservice.api.world;


/** The world's Space exists on the homeserver. */
public record WorldSpaceProvisioned(WorldId worldId, String spaceRoomId) {
}
