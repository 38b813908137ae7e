package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.DeploymentUserResyncRequested;

import io.roomservice.api.deployment.DeploymentBootstrapCompleted;
import io.roomservice.api.deployment.DeploymentBootstrapStarted;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's catalogue and its users' lifecycle. A bootstrap becomes homeserver work; users' actions
 * go to the homeserver once the catalogue is ready. Before that they wait here, in the saga's stored
 * state (so they survive a restart): per user the last account action (created, revoked) and the last
 * admin action (promoted, demoted) win, a revocation drops the admin action, and once a bootstrap
 * completes they are submitted in the order they came. Each is work of its own, so one user's failure
 * stops no one else.
 */
@Saga
public class DeploymentSaga {

    static final String DEPLOYMENT = "deployment";

    /** An action that waits for the catalogue. */
    public record PendingAction(DeploymentUserId userId, String matrixUserId, DeploymentUserAction action) {
    }

    private DeploymentName deployment;
    private boolean ready;
    private Map<String, String> rooms = new HashMap<>();
    private List<PendingAction> pending = new ArrayList<>();

    @StartSaga
    @SagaEventHandler(associationProperty = DEPLOYMENT)
    public void on(DeploymentBootstrapStarted event, @Timestamp Instant startedAt, HomeserverWorkQueue work,
                   BootstrapSettings settings) {
        deployment = event.deployment();
        work.submit(new BootstrapDeployment(event.deployment(), event.bootstrapId(), event.domain(),
                startedAt.plus(settings.homeserverWait()), rooms));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = DEPLOYMENT)
    public void on(DeploymentBootstrapCompleted event, HomeserverWorkQueue work) {
        deployment = event.deployment();
        ready = true;
        rooms = new HashMap<>(event.rooms());
        pending.forEach(action -> submit(action, work));
        pending = new ArrayList<>();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = DEPLOYMENT)
    public void on(DeploymentUserCallbackRecorded event, HomeserverWorkQueue work) {
        deployment = event.deployment();
        if (event.action().slot() == DeploymentUserAction.Slot.NONE) {
            return; // a callsign change needs a new account: nothing to do on the homeserver
        }
        var action = new PendingAction(event.userId(), event.matrixUserId(), event.action());
        boolean revoked = event.action() == DeploymentUserAction.REVOKED;
        if (ready) {
            if (revoked) {
                work.cancel(ApplyDeploymentUserAction.keyOf(event.userId(), DeploymentUserAction.Slot.ADMIN));
            }
            submit(action, work);
            return;
        }
        pending.removeIf(waiting -> waiting.userId().equals(event.userId())
                && (revoked || waiting.action().slot() == event.action().slot()));
        pending.add(action);
    }

    /**
     * A repair of the reconciliation: the user's standing actions as work again. The catalogue is ready
     * (the reconciliation compares only a ready catalogue); a waiting action of the same slot is replaced.
     */
    @SagaEventHandler(associationProperty = DEPLOYMENT)
    public void on(DeploymentUserResyncRequested event, HomeserverWorkQueue work) {
        if (ready) {
            event.actions().forEach(action -> submit(new PendingAction(event.userId(), event.matrixUserId(), action),
                    work));
        }
    }

    private void submit(PendingAction action, HomeserverWorkQueue work) {
        work.submit(new ApplyDeploymentUserAction(action.userId(), deployment, action.matrixUserId(), action.action(),
                Map.copyOf(rooms)));
    }

    public DeploymentName getDeployment() {
        return deployment;
    }

    public void setDeployment(DeploymentName deployment) {
        this.deployment = deployment;
    }

    public boolean isReady() {
        return ready;
    }

    public void setReady(boolean ready) {
        this.ready = ready;
    }

    public Map<String, String> getRooms() {
        return rooms;
    }

    public void setRooms(Map<String, String> rooms) {
        this.rooms = rooms;
    }

    public List<PendingAction> getPending() {
        return pending;
    }

    public void setPending(List<PendingAction> pending) {
        this.pending = pending;
    }
}
