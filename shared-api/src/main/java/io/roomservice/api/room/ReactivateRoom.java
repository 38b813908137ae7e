package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings an archived room back to active. */
public record ReactivateRoom(@TargetAggregateIdentifier RoomId roomId) {
}
