package io.roomservice.command.deployment;

import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserResyncRequested;
import io.roomservice.api.deployment.ResyncDeploymentUser;
import java.util.ArrayList;
import java.util.List;

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
    /** The last account action (created, revoked) and the last admin action (promoted, demoted); null: none yet. */
    private DeploymentUserAction account;
    private DeploymentUserAction admin;

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

    /**
     * The user's standing actions, applied again: the account action, and the admin action unless the
     * account was revoked (a revocation ends the rights with the account). A user with no standing action
     * (only callsign changes so far) has nothing to apply.
     */
    @CommandHandler
    public void handle(ResyncDeploymentUser command) {
        List<DeploymentUserAction> actions = new ArrayList<>();
        if (account != null) {
            actions.add(account);
        }
        if (admin != null && account != DeploymentUserAction.REVOKED) {
            actions.add(admin);
        }
        if (!actions.isEmpty()) {
            apply(new DeploymentUserResyncRequested(userId, deployment, matrixUserId, List.copyOf(actions)));
        }
    }

    @EventSourcingHandler
    void on(DeploymentUserCallbackRecorded event) {
        userId = event.userId();
        deployment = event.deployment();
        matrixUserId = event.matrixUserId();
        switch (event.action().slot()) {
            case ACCOUNT -> account = event.action();
            case ADMIN -> admin = event.action();
            case NONE -> { }
        }
    }
}
