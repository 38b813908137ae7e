package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A homeserver operation on the room failed for good; the reason is meant for people. */
public record RecordRoomFailure(@TargetAggregateIdentifier RoomId roomId, String reason) {
}
