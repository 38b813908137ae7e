package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Recreates an active room on the (new) homeserver. */
public record ReprovisionRoom(@TargetAggregateIdentifier RoomId roomId) {
}
