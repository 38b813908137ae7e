package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person was deleted on the host: they leave every group. Answers whether anything changed. */
public record DeleteGroupPerson(UserId userId) {

    @TargetAggregateIdentifier
    public String personId() {
        return GroupPersonIds.of(userId);
    }
}
