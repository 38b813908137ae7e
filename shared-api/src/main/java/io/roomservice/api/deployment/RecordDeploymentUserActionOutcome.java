package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the homeserver work made of a user's action: {@code applied} with what it did, or {@code failed}
 * with why once its attempts ran out.
 */
public record RecordDeploymentUserActionOutcome(@TargetAggregateIdentifier DeploymentUserId userId,
                                                DeploymentUserAction action, boolean applied, String detail) {
}
