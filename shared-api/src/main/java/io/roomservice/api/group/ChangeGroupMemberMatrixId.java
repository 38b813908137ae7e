package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member's person now uses another Matrix id (sent by the person's saga to each of their groups). */
public record ChangeGroupMemberMatrixId(@TargetAggregateIdentifier GroupId groupId, UserId userId,
                                        String matrixUserId) {
}
