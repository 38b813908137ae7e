package io.roomservice.query.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomservice.api.audit.AuditEntry;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.world.FindWorldPersonHistory;
import io.roomservice.api.world.WorldPersonHistory;
import io.roomservice.api.world.WorldPersonIds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Who was in which area when: a person's events in the virtual office straight from the event store
 * (their aggregate {@code world-person:<uuid>}), each payload as it is stored. They hold no personal
 * data beyond the Matrix id, an identifier.
 */
@Component
public class WorldAuditQueries {

    static final String AGGREGATE_TYPE = "WorldPerson";

    private final EventStore eventStore;
    private final ObjectMapper json;

    public WorldAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        if (!(eventSerializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("The world audit needs the Jackson event serializer, not "
                    + eventSerializer.getClass().getName());
        }
        this.json = jackson.getObjectMapper();
    }

    @QueryHandler
    public WorldPersonHistory handle(FindWorldPersonHistory query) {
        return new WorldPersonHistory(eventStore.readEvents(WorldPersonIds.of(query.person()), 0).asStream()
                .takeWhile(event -> AGGREGATE_TYPE.equals(event.getType()))
                .map(this::toEntry).toList());
    }

    private AuditEntry toEntry(DomainEventMessage<?> event) {
        var metaData = event.getMetaData();
        return new AuditEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), text(metaData.get(MetaDataKeys.ACTOR)),
                text(metaData.get(MetaDataKeys.CORRELATION_ID)), text(metaData.get(MetaDataKeys.CAUSATION_ID)),
                text(metaData.get(MetaDataKeys.REQUEST_ID)), render(event.getPayload()));
    }

    private String render(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event of type " + payload.getClass().getName() + " cannot be shown", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
