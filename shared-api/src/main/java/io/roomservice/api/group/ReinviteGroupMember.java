package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member the ledger holds is no longer in the room, and did not leave by themselves (someone else
 * kicked them behind roomservice's back): forget the invitation so that it is made again.
 */
public record ReinviteGroupMember(@TargetAggregateIdentifier GroupId groupId, String roomId, String matrixUserId) {
}
