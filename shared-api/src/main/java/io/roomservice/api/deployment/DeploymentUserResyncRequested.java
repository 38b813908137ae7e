package io.roomservice.api.deployment;

import java.util.List;

/**
 * A user's standing actions are to be applied again: the last account action ({@code created} or
 * {@code revoked}) and, for a user not revoked, the last admin action ({@code promoted} or
 * {@code demoted}) when there was one.
 */
public record DeploymentUserResyncRequested(DeploymentUserId userId, DeploymentName deployment, String matrixUserId,
                                            List<DeploymentUserAction> actions) {
}
