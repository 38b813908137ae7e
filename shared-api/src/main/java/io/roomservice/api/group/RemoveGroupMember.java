package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person left the group. Answers whether anything changed. */
public record RemoveGroupMember(@TargetAggregateIdentifier GroupId groupId, UserId userId) {
}
