package io.roomservice.api.deployment;

import java.util.UUID;

/** A step of a bootstrap is done (see {@link RecordDeploymentBootstrapStep}). */
public record DeploymentBootstrapStepRecorded(DeploymentName deployment, UUID bootstrapId, String step,
                                              String outcome, String detail) {
}
