package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** People were invited, joined, changed power level, left or were kicked. */
@Revision("1")
public record RoomMembersChanged(RoomId roomId, List<MemberChange> changes) {
}
