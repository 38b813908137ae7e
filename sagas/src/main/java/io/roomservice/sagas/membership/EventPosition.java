package io.roomservice.sagas.membership;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Where an event stands in the event store: the read models say how far they have applied it. */
public final class EventPosition {

    private EventPosition() {
    }

    /** The event's global index, or -1 for an event that was not read from the store (fixture tests). */
    public static long of(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }
}
