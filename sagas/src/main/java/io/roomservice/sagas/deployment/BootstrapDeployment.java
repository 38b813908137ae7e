package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.sagas.work.HomeserverWork;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Run bootstrap {@code bootstrapId}: wait for the homeserver until {@code waitUntil}, then make sure of
 * the admin account and the catalogue. One key per deployment: one bootstrap runs at a time, on one node.
 *
 * @param knownRooms the rooms an earlier bootstrap made (key to room id; empty at first): an alias that
 *                   was removed behind roomservice's back is bound to its room again, not a new room made
 */
public record BootstrapDeployment(DeploymentName deployment, UUID bootstrapId, String domain, Instant waitUntil,
                                  Map<String, String> knownRooms) implements HomeserverWork {

    public BootstrapDeployment {
        knownRooms = knownRooms == null ? Map.of() : Map.copyOf(knownRooms);
    }

    @Override
    public String key() {
        return "deployment-bootstrap:" + deployment;
    }
}
