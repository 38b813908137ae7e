package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

/** The running bootstrap made the whole catalogue exist with its state; {@code rooms}: key to Matrix room id. */
public record CompleteDeploymentBootstrap(@TargetAggregateIdentifier DeploymentName deployment, UUID bootstrapId,
                                          Map<String, String> rooms) {
}
