package io.roomservice.api.deployment;

import java.util.UUID;

/** A bootstrap of the deployment's catalogue began. */
public record DeploymentBootstrapStarted(DeploymentName deployment, UUID bootstrapId, String domain) {
}
