package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.Map;

/**
 * Apply a user's lifecycle action to the catalogue's rooms ({@code rooms}: key to Matrix room id). The
 * key holds one waiting action per user and slot: a later action of the same slot replaces a waiting one.
 */
public record ApplyDeploymentUserAction(DeploymentUserId userId, DeploymentName deployment, String matrixUserId,
                                        DeploymentUserAction action, Map<String, String> rooms)
        implements HomeserverWork {

    @Override
    public String key() {
        return keyOf(userId, action.slot());
    }

    static String keyOf(DeploymentUserId userId, DeploymentUserAction.Slot slot) {
        return "deployment-user:" + userId + ":" + slot.name().toLowerCase(java.util.Locale.ROOT);
    }
}
