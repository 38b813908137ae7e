package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.sagas.work.HomeserverWork;

import java.time.Instant;
import java.util.UUID;

/**
 * Run bootstrap {@code bootstrapId}: wait for the homeserver until {@code waitUntil}, then make sure of
 * the admin account and the catalogue. One key per deployment: one bootstrap runs at a time, on one node.
 */
public record BootstrapDeployment(DeploymentName deployment, UUID bootstrapId, String domain, Instant waitUntil)
        implements HomeserverWork {

    @Override
    public String key() {
        return "deployment-bootstrap:" + deployment;
    }
}
