package io.roomservice.api.deployment;

/**
 * Rasenmaeher called back about a user. {@code matrixUserId} is the user's Matrix account: the one of
 * their first callback (a new callsign needs a new account, which Rasenmaeher makes as a new user).
 */
public record DeploymentUserCallbackRecorded(DeploymentUserId userId, DeploymentName deployment, String callsign,
                                             String matrixUserId, DeploymentUserAction action) {
}
