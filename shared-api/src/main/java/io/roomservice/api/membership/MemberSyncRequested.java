package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import org.axonframework.serialization.Revision;

/** Someone asked for a member sync of an active room. */
@Revision("1")
public record MemberSyncRequested(RoomId roomId) {
}
