package io.roomservice.api.customer;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a role; revoking one already revoked changes nothing, one never granted is refused. */
public record RevokeCustomerRole(@TargetAggregateIdentifier CustomerId customerId, UserId userId, CustomerRole role) {
}
