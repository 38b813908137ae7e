package io.roomservice.command.deployment;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.deployment.CompleteDeploymentBootstrap;
import io.roomservice.api.deployment.DeploymentBootstrapCompleted;
import io.roomservice.api.deployment.DeploymentBootstrapFailed;
import io.roomservice.api.deployment.DeploymentBootstrapStarted;
import io.roomservice.api.deployment.DeploymentBootstrapStepRecorded;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentRejections;
import io.roomservice.api.deployment.FailDeploymentBootstrap;
import io.roomservice.api.deployment.RecordDeploymentBootstrapStep;
import io.roomservice.api.deployment.StartDeploymentBootstrap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The deployment's Space and fixed rooms, as bootstraps made them. Decides that only one bootstrap runs
 * at a time (on any node: two starts race on this aggregate's version), and that only the running one
 * records steps and ends.
 */
@Aggregate(cache = "aggregateCache")
public class DeploymentSpace {

    @AggregateIdentifier
    private DeploymentName deployment;
    private UUID runningBootstrap;

    protected DeploymentSpace() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public UUID handle(StartDeploymentBootstrap command) {
        if (runningBootstrap != null) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, DeploymentRejections.BOOTSTRAP_RUNNING,
                    "Bootstrap " + runningBootstrap + " of deployment " + command.deployment()
                            + " is still running.");
        }
        UUID bootstrapId = UUID.randomUUID();
        apply(new DeploymentBootstrapStarted(command.deployment(), bootstrapId, command.domain()));
        return bootstrapId;
    }

    @CommandHandler
    public void handle(RecordDeploymentBootstrapStep command) {
        requireRunning(command.bootstrapId());
        apply(new DeploymentBootstrapStepRecorded(deployment, command.bootstrapId(), command.step(), command.outcome(),
                command.detail()));
    }

    @CommandHandler
    public void handle(CompleteDeploymentBootstrap command) {
        requireRunning(command.bootstrapId());
        apply(new DeploymentBootstrapCompleted(deployment, command.bootstrapId(), command.rooms()));
    }

    @CommandHandler
    public void handle(FailDeploymentBootstrap command) {
        requireRunning(command.bootstrapId());
        apply(new DeploymentBootstrapFailed(deployment, command.bootstrapId(), command.step(), command.reason()));
    }

    private void requireRunning(UUID bootstrapId) {
        if (!bootstrapId.equals(runningBootstrap)) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE,
                    DeploymentRejections.NOT_THE_RUNNING_BOOTSTRAP,
                    "Bootstrap " + bootstrapId + " of deployment " + deployment + " is not running.");
        }
    }

    @EventSourcingHandler
    void on(DeploymentBootstrapStarted event) {
        deployment = event.deployment();
        runningBootstrap = event.bootstrapId();
    }

    @EventSourcingHandler
    void on(DeploymentBootstrapCompleted event) {
        runningBootstrap = null;
    }

    @EventSourcingHandler
    void on(DeploymentBootstrapFailed event) {
        runningBootstrap = null;
    }
}
