package io.roomservice.api.project;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a role; revoking one already revoked changes nothing, one never granted is refused. */
public record RevokeProjectRole(@TargetAggregateIdentifier ProjectId projectId, UserId userId, ProjectRole role) {
}
