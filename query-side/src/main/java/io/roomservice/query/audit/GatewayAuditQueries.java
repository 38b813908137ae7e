package io.roomservice.query.audit;

import io.roomservice.api.gateway.FindGatewayActorHistory;
import io.roomservice.api.gateway.GatewayActorHistory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What calling services did through the internal gateway as one Matrix identity, straight from the
 * event store: the {@code GatewayActor} aggregate, keyed by the Matrix user id, whose every event names
 * the service (by its token's name, never the token) and the platform actor it acted for.
 */
@Component
public class GatewayAuditQueries {

    /** The aggregate type of the gateway's records ({@link AuditEntries}). */
    static final String GATEWAY_ACTOR_AGGREGATE_TYPE = "GatewayActor";

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public GatewayAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @QueryHandler
    public GatewayActorHistory handle(FindGatewayActorHistory query) {
        return new GatewayActorHistory(query.matrixUserId(), AuditEntries.of(eventStore.readEvents(
                query.matrixUserId()).asStream(), GATEWAY_ACTOR_AGGREGATE_TYPE, eventSerializer));
    }
}
