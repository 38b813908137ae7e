package io.roomservice.api.customer;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants a role; granting a role the person already holds changes nothing. */
public record GrantCustomerRole(@TargetAggregateIdentifier CustomerId customerId, UserId userId, CustomerRole role) {
}
