package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The homeserver work gave up on the group's rooms; the reconciliation asks again. */
public record RecordGroupRoomsFailure(@TargetAggregateIdentifier GroupId groupId, String reason) {
}
