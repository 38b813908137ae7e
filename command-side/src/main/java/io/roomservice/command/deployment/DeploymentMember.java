package io.roomservice.command.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserActionApplied;
import io.roomservice.api.deployment.DeploymentUserActionFailed;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.deployment.RecordDeploymentUserActionOutcome;
import io.roomservice.api.deployment.RecordDeploymentUserCallback;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user of the deployment as Rasenmaeher reports them. Every callback is recorded, repeats included
 * (Rasenmaeher may call again, and what it asks is safe to do again). The Matrix account is the one of
 * the first callback: a callsign change needs a new account, so {@code updated} changes nothing on the
 * homeserver.
 */
@Aggregate(cache = "aggregateCache")
public class DeploymentMember {

    @AggregateIdentifier
    private DeploymentUserId userId;
    private DeploymentName deployment;
    private String matrixUserId;

    protected DeploymentMember() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeploymentUserCallback command) {
        String account = matrixUserId != null ? matrixUserId : command.matrixUserId();
        apply(new DeploymentUserCallbackRecorded(command.userId(), command.deployment(), command.callsign(), account,
                command.action()));
    }

    @CommandHandler
    public void handle(RecordDeploymentUserActionOutcome command) {
        if (command.applied()) {
            apply(new DeploymentUserActionApplied(userId, deployment, matrixUserId, command.action(), command.detail()));
        } else {
            apply(new DeploymentUserActionFailed(userId, deployment, matrixUserId, command.action(), command.detail()));
        }
    }

    @EventSourcingHandler
    void on(DeploymentUserCallbackRecorded event) {
        userId = event.userId();
        deployment = event.deployment();
        matrixUserId = event.matrixUserId();
    }
}
