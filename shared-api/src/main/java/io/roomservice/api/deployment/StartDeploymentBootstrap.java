package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a bootstrap of the deployment's catalogue; refused while one runs (only one at a time, on any
 * node). Answers the new bootstrap's id.
 *
 * @param domain the Matrix domain of the catalogue's aliases
 */
public record StartDeploymentBootstrap(@TargetAggregateIdentifier DeploymentName deployment, String domain) {
}
