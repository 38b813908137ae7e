package io.roomservice.api.deployment;

/** The codes with which the deployment's aggregates refuse commands. */
public final class DeploymentRejections {

    public static final String BOOTSTRAP_RUNNING = "bootstrap-running";
    public static final String NOT_THE_RUNNING_BOOTSTRAP = "not-the-running-bootstrap";

    private DeploymentRejections() {
    }
}
