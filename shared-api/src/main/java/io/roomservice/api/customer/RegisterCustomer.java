package io.roomservice.api.customer;

import io.roomservice.api.project.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a customer of the host platform, or renames it; a repeat that changes nothing records nothing. */
public record RegisterCustomer(@TargetAggregateIdentifier CustomerId customerId, String name) {
}
