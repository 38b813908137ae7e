package io.roomservice.api.deployment;

/** A user's action could not be applied on the homeserver: its attempts ran out, or it failed for good. */
public record DeploymentUserActionFailed(DeploymentUserId userId, DeploymentName deployment, String matrixUserId,
                                         DeploymentUserAction action, String reason) {
}
