package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * One step of a running bootstrap is done: what it was ({@code wait-for-homeserver}, {@code admin-account},
 * {@code rate-limit}, {@code room:<key>}, {@code state:<key>}), its outcome and what it found or changed.
 */
public record RecordDeploymentBootstrapStep(@TargetAggregateIdentifier DeploymentName deployment, UUID bootstrapId,
                                            String step, String outcome, String detail) {
}
