package io.roomservice.infra.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackingToken;

/**
 * An event read from the store with the global index of its row. The token alone does not say it: an
 * event that fills a gap leaves its token's index where it was.
 */
final class IndexedEventData<T> extends TrackedDomainEventData<T> {

    private final long globalIndex;
    private final DomainEventData<T> event;

    IndexedEventData(long globalIndex, TrackingToken token, DomainEventData<T> event) {
        super(token, event);
        this.globalIndex = globalIndex;
        this.event = event;
    }

    long globalIndex() {
        return globalIndex;
    }

    /** The same event for a reader whose token, after it, is {@code token}. */
    IndexedEventData<T> withToken(TrackingToken token) {
        return new IndexedEventData<>(globalIndex, token, event);
    }
}
