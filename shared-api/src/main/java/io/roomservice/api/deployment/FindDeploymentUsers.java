package io.roomservice.api.deployment;

/** The deployment's users as their callbacks left them; answers {@link DeploymentUsers}. */
public record FindDeploymentUsers(DeploymentName deployment) {
}
