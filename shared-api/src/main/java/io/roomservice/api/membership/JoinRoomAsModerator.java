package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A staff or support person joins an active room they have no role in, as moderator (50). */
public record JoinRoomAsModerator(@TargetAggregateIdentifier RoomId roomId, UserId userId) {
}
