package io.roomservice.api.deployment;

import java.util.List;

/** The users of one deployment whose account is not revoked. */
public record DeploymentUsers(List<User> users) {

    /**
     * @param member whether their account was created (then they belong in the Space and the public rooms)
     * @param admin  whether their last admin action was a promotion
     */
    public record User(DeploymentUserId userId, String matrixUserId, boolean member, boolean admin) {
    }
}
