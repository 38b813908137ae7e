package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes the room record; the homeserver room is kept. */
public record DeleteRoom(@TargetAggregateIdentifier RoomId roomId) {
}
