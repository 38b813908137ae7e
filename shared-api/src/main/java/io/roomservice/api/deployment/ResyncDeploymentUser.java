package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply a user's standing actions to the catalogue again (their account and their admin rights as the
 * last callbacks left them): the repair of the reconciliation when the homeserver drifted from them.
 */
public record ResyncDeploymentUser(@TargetAggregateIdentifier DeploymentUserId userId) {
}
