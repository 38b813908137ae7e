package io.roomservice.api.world;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Homeserver work reports the world's Space (a Matrix room of type {@code m.space}). */
public record RecordWorldSpace(@TargetAggregateIdentifier WorldId worldId, String spaceRoomId) {
}
