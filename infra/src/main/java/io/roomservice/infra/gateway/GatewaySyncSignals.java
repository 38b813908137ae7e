package io.roomservice.infra.gateway;

import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the gateway that the homeserver pushed something: waiting syncs read again, and the cached
 * details of the rooms concerned end. A subscribing processor, so this happens in the thread that
 * recorded the transaction, after its commit (before it, a reader would not see the event yet).
 */
@ProcessingGroup(GatewaySyncSignals.PROCESSING_GROUP)
class GatewaySyncSignals {

    static final String PROCESSING_GROUP = "gateway-sync";
    private static final Logger log = LoggerFactory.getLogger(GatewaySyncSignals.class);

    private final SyncWaiters waiters;
    private final RoomDetailsCache cache;

    GatewaySyncSignals(SyncWaiters waiters, RoomDetailsCache cache) {
        this.waiters = waiters;
        this.cache = cache;
    }

    @EventHandler
    void on(HomeserverTransactionReceived transaction) {
        Set<String> rooms = transaction.events().stream().map(MatrixRoomEvent::roomId).collect(Collectors.toSet());
        Runnable signal = () -> {
            try {
                rooms.forEach(cache::invalidate);
                waiters.wake();
            } catch (RuntimeException e) {
                log.warn("Waking the gateway's syncs failed; they read again at their next recheck", e);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> signal.run());
        } else {
            signal.run();
        }
    }
}
