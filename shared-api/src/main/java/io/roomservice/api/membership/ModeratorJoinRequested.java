package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** A staff or support person is to join the room as moderator; member sync leaves them in. */
@Revision("1")
public record ModeratorJoinRequested(RoomId roomId, UserId userId) {
}
