package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for the room's members to be brought in step with the project's roles (only for an active room). */
public record RequestMemberSync(@TargetAggregateIdentifier RoomId roomId) {
}
