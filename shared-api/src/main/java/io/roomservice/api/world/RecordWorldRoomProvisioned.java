package io.roomservice.api.world;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Homeserver work reports the Matrix room of a world room, a child of the world's Space. */
public record RecordWorldRoomProvisioned(@TargetAggregateIdentifier WorldId worldId, WorldRoomId roomId, String matrixRoomId) {
}
