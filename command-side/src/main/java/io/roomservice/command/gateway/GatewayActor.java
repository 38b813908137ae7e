package io.roomservice.command.gateway;

import io.roomservice.api.gateway.GatewayActionRecorded;
import io.roomservice.api.gateway.RecordGatewayAction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Matrix identity the internal gateway acts as, and the audit trail of what calling services did
 * as it. Keyed by the Matrix user id, so that the actions of one identity are in one stream, in order;
 * the homeserver already decided each of them, so every one is recorded.
 */
@Aggregate(cache = "aggregateCache")
public class GatewayActor {

    @AggregateIdentifier
    private String matrixUserId;

    protected GatewayActor() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordGatewayAction command) {
        apply(new GatewayActionRecorded(command.matrixUserId(), command.service(), command.actor(), command.action(),
                command.roomId(), command.target(), command.eventId()));
    }

    @EventSourcingHandler
    void on(GatewayActionRecorded event) {
        matrixUserId = event.matrixUserId();
    }
}
