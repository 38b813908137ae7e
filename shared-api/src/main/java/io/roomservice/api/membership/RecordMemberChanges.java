package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what a member sync (or a join or leave) did on the homeserver. */
public record RecordMemberChanges(@TargetAggregateIdentifier RoomId roomId, List<MemberChange> changes) {
}
