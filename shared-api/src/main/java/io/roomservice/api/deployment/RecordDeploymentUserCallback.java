package io.roomservice.api.deployment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rasenmaeher called back about a user of the deployment. Recorded before the callback is answered;
 * the homeserver work follows.
 *
 * @param matrixUserId {@code @<callsign lowercased>:<domain>}, already checked against Matrix's grammar
 */
public record RecordDeploymentUserCallback(@TargetAggregateIdentifier DeploymentUserId userId,
                                           DeploymentName deployment, String callsign, String matrixUserId,
                                           DeploymentUserAction action) {
}
