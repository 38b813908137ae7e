package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The running bootstrap could not finish: the step it stopped at and why. */
public record FailDeploymentBootstrap(@TargetAggregateIdentifier DeploymentName deployment, UUID bootstrapId,
                                      String step, String reason) {
}
