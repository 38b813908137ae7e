package io.roomservice.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a project of the host platform; repeating it with the same data changes nothing. */
public record RegisterProject(@TargetAggregateIdentifier ProjectId projectId, CustomerId customerId, String name) {
}
