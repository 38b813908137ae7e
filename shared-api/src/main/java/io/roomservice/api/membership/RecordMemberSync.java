package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Reports a member sync that ended: what it changed on the homeserver, the directory position it
 * synced from, and why it failed when it did ({@code failureReason} null on success).
 */
public record RecordMemberSync(@TargetAggregateIdentifier RoomId roomId, long directoryPosition,
                               List<MemberChange> changes, String failureReason) {
}
