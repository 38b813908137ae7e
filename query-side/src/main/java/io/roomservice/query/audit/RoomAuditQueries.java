package io.roomservice.query.audit;

import io.roomservice.api.audit.ExportHistory;
import io.roomservice.api.audit.FindExportHistory;
import io.roomservice.api.audit.FindRoomHistory;
import io.roomservice.api.audit.FindRoomStateAt;
import io.roomservice.api.audit.RoomHistory;
import io.roomservice.api.room.RoomEvent;
import io.roomservice.api.room.RoomView;
import io.roomservice.query.room.RoomViewEvolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers auditors straight from the event store: a room's (and a history export's) events as they
 * were recorded, and the room as it was at an instant, rebuilt by replaying its events up to that instant.
 */
@Component
public class RoomAuditQueries {

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public RoomAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    /** The aggregate type of a room's events ({@link AuditEntries}). */
    static final String ROOM_AGGREGATE_TYPE = "Room";
    static final String EXPORT_AGGREGATE_TYPE = "HistoryExport";

    /** Empty when the identifier is not a room's. */
    @QueryHandler
    public RoomHistory handle(FindRoomHistory query) {
        return new RoomHistory(query.roomId(), AuditEntries.of(eventStore.readEvents(query.roomId().toString())
                .asStream(), ROOM_AGGREGATE_TYPE, eventSerializer));
    }

    /** Empty when the identifier is not a history export's. */
    @QueryHandler
    public ExportHistory handle(FindExportHistory query) {
        return new ExportHistory(query.exportId(), AuditEntries.of(eventStore.readEvents(query.exportId().value()
                .toString()).asStream(), EXPORT_AGGREGATE_TYPE, eventSerializer));
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
}
