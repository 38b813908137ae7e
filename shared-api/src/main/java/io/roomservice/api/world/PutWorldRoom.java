package io.roomservice.api.world;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The host creates a map or area room of the world, or renames or re-tags it. Answers {@code created}, {@code changed} or {@code unchanged}. The kind is fixed once created. */
public record PutWorldRoom(@TargetAggregateIdentifier WorldId worldId, WorldRoomId roomId, WorldRoomKind kind, String name, List<String> tags) {
}
