package io.roomservice.api.deployment;

import java.util.UUID;

/** A bootstrap stopped at {@code step}; the catalogue stays as the last completed bootstrap left it. */
public record DeploymentBootstrapFailed(DeploymentName deployment, UUID bootstrapId, String step, String reason) {
}
