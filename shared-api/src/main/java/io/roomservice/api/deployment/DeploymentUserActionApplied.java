package io.roomservice.api.deployment;

/** A user's action reached the homeserver; {@code detail} says what it did (or skipped and why). */
public record DeploymentUserActionApplied(DeploymentUserId userId, DeploymentName deployment, String matrixUserId,
                                          DeploymentUserAction action, String detail) {
}
