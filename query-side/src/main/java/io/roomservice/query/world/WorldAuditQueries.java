package io.roomservice.query.world;

import io.roomservice.api.world.FindWorldPersonHistory;
import io.roomservice.api.world.WorldPersonHistory;
import io.roomservice.api.world.WorldPersonIds;
import io.roomservice.query.audit.AuditEntries;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Who was in which area when: a person's events in the virtual office straight from the event store
 * (their aggregate {@code world-person:<uuid>}), each payload as it is stored. They hold no personal
 * data beyond the Matrix id, an identifier.
 */
@Component
public class WorldAuditQueries {

    static final String AGGREGATE_TYPE = "WorldPerson";

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public WorldAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @QueryHandler
    public WorldPersonHistory handle(FindWorldPersonHistory query) {
        return new WorldPersonHistory(AuditEntries.of(
                eventStore.readEvents(WorldPersonIds.of(query.person()), 0).asStream(), AGGREGATE_TYPE, eventSerializer));
    }
}
