package io.roomservice.api.world;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The host deletes a room of the world: everyone is kicked, then the bot leaves. Answers whether it changed anything. */
public record RemoveWorldRoom(@TargetAggregateIdentifier WorldId worldId, WorldRoomId roomId) {
}
