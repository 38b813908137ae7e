package io.roomservice.query.audit;

import io.roomservice.api.audit.AuditEntry;
import io.roomservice.api.audit.FindRoomHistory;
import io.roomservice.api.audit.FindRoomStateAt;
import io.roomservice.api.audit.RoomHistory;
import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.room.RoomEvent;
import io.roomservice.api.room.RoomView;
import io.roomservice.query.room.RoomViewEvolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Objects;

/**
 * Answers auditors straight from the event store: a room's events as they were recorded, and the
 * room as it was at an instant, rebuilt by replaying its events up to that instant.
 */
@Component
public class RoomAuditQueries {

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public RoomAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Axon records the aggregate's simple class name as each event's aggregate type. Identifiers are
     * uuids of every kind of aggregate, so without this check a person's or a project's uuid would
     * answer with their events as if they were a room's.
     */
    static final String ROOM_AGGREGATE_TYPE = "Room";

    /** Empty when the identifier is not a room's. */
    @QueryHandler
    public RoomHistory handle(FindRoomHistory query) {
        var entries = new ArrayList<AuditEntry>();
        eventStore.readEvents(query.roomId().toString()).asStream()
                .takeWhile(event -> ROOM_AGGREGATE_TYPE.equals(event.getType()))
                .forEach(event -> entries.add(toEntry(event)));
        return new RoomHistory(query.roomId(), entries);
    }

    /** Null when the room did not exist yet at that instant. */
    @QueryHandler
    public RoomView handle(FindRoomStateAt query) {
        RoomView room = null;
        var events = eventStore.readEvents(query.roomId().toString()).asStream()
                .takeWhile(event -> ROOM_AGGREGATE_TYPE.equals(event.getType())
                        && !event.getTimestamp().isAfter(query.at()))
                .toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof RoomEvent roomEvent) {
                room = RoomViewEvolver.evolve(room, roomEvent, event.getTimestamp());
            }
        }
        return room;
    }

    private AuditEntry toEntry(DomainEventMessage<?> event) {
        var metaData = event.getMetaData();
        String payload = eventSerializer.serialize(event.getPayload(), String.class).getData();
        return new AuditEntry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), text(metaData.get(MetaDataKeys.ACTOR)),
                text(metaData.get(MetaDataKeys.CORRELATION_ID)), text(metaData.get(MetaDataKeys.CAUSATION_ID)),
                text(metaData.get(MetaDataKeys.REQUEST_ID)), payload);
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
