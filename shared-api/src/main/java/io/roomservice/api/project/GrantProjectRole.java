package io.roomservice.api.project;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants a role; granting a role the person already holds changes nothing. */
public record GrantProjectRole(@TargetAggregateIdentifier ProjectId projectId, UserId userId, ProjectRole role) {
}
