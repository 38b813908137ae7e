package io.roomservice.api.deployment;

/** The deployment's catalogue and last bootstrap; answers a {@link DeploymentView} (null when never bootstrapped). */
public record FindDeployment(DeploymentName deployment) {
}
