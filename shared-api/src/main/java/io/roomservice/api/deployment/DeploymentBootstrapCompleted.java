package io.roomservice.api.deployment;

import java.util.Map;
import java.util.UUID;

/** The catalogue exists with its state: from now on the users' lifecycle reaches the homeserver. */
public record DeploymentBootstrapCompleted(DeploymentName deployment, UUID bootstrapId, Map<String, String> rooms) {
}
