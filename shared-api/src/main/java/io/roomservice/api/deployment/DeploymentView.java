package io.roomservice.api.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The deployment as the read model knows it: its catalogue rooms and its last bootstrap, step by step. */
public record DeploymentView(String deployment, boolean ready, List<CatalogueRoomView> rooms,
                             BootstrapView lastBootstrap) {

    public record CatalogueRoomView(String key, String alias, String roomId) {
    }

    public record BootstrapView(UUID id, String state, Instant startedAt, Instant finishedAt, String failedStep,
                                String failure, List<StepView> steps) {
    }

    public record StepView(String step, String outcome, String detail) {
    }
}
