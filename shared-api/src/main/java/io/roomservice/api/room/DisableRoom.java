package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts kick-and-archive of an active (or erred) room. */
public record DisableRoom(@TargetAggregateIdentifier RoomId roomId, boolean deleteHistory, String reason) {
}
