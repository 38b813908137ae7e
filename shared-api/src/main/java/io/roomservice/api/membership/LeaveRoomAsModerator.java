package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A staff or support person leaves a room they joined as moderator. */
public record LeaveRoomAsModerator(@TargetAggregateIdentifier RoomId roomId, UserId userId) {
}
