package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person joined the group (the person must be known with a Matrix id). Answers whether anything changed. */
public record AddGroupMember(@TargetAggregateIdentifier GroupId groupId, UserId userId) {
}
