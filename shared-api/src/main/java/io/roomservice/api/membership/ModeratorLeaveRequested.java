package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** A moderator who joined by hand is to leave the room. */
@Revision("1")
public record ModeratorLeaveRequested(RoomId roomId, UserId userId) {
}
