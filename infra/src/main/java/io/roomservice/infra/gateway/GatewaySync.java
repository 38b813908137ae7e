package io.roomservice.infra.gateway;

import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sync answered from roomservice's own record, not from the homeserver: the homeserver pushes every
 * event of the appservice's rooms, and roomservice records the messages, membership changes, reactions,
 * redactions and name and topic changes as {@link HomeserverTransactionReceived}. A read goes through the event store from a position onwards, at
 * most {@link #MAX_SCANNED} stored events per answer, and says where the next read starts.
 */
class GatewaySync {

    static final int MAX_SCANNED = 1000;

    /** One answer: the next position and the events per room, in the order they were recorded. */
    record Batch(String nextBatch, Map<String, List<Map<String, Object>>> rooms, boolean limited) {

        boolean isEmpty() {
            return rooms.isEmpty();
        }

        /** The specification's shape, which is the Matrix sync's. */
        Map<String, Object> body() {
            Map<String, Object> join = new LinkedHashMap<>();
            rooms.forEach((roomId, events) -> {
                Map<String, Object> timeline = new LinkedHashMap<>();
                timeline.put("events", events);
                timeline.put("limited", limited);
                timeline.put("prev_batch", null);
                join.put(roomId, Map.of("timeline", timeline));
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("next_batch", nextBatch);
            body.put("rooms", Map.of("join", join));
            return body;
        }
    }

    private final EventStorageEngine events;
    private final GatewayEvents shown;

    GatewaySync(EventStorageEngine events, GatewayEvents shown) {
        this.events = events;
        this.shown = shown;
    }

    /** A caller without a position starts at the head: the answer holds no events, only where to go on. */
    Batch read(GapAwareTrackingToken since, SyncFilter filter, boolean first) {
        if (first) {
            return new Batch(SyncPosition.encode(events.createHeadToken()), Map.of(), false);
        }
        TrackingToken position = since;
        Map<String, List<Map<String, Object>>> rooms = new LinkedHashMap<>();
        int scanned = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(since, false)) {
            Iterator<? extends TrackedEventMessage<?>> stored = stream.iterator();
            while (stored.hasNext() && scanned < MAX_SCANNED) {
                TrackedEventMessage<?> message = stored.next();
                scanned++;
                position = message.trackingToken();
                if (message.getPayloadType().equals(HomeserverTransactionReceived.class)) {
                    for (MatrixRoomEvent event : ((HomeserverTransactionReceived) message.getPayload()).events()) {
                        if (filter.accepts(event.roomId(), event.type())) {
                            rooms.computeIfAbsent(event.roomId(), room -> new ArrayList<>()).add(shown.clientEvent(event));
                        }
                    }
                }
            }
        }
        return new Batch(SyncPosition.encode(position), rooms, scanned >= MAX_SCANNED);
    }
}
