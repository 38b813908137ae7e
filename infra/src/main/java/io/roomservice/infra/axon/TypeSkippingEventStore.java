package io.roomservice.infra.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.TrackingEventStream;

/**
 * Axon's embedded event store, whose streams leave out the event types their processor cannot
 * handle ({@link TypeSkippingEventStream}), as Axon Server's streams do: every streaming processor
 * (projections, reactors, sagas, the timeline) reads the store through it.
 */
final class TypeSkippingEventStore extends EmbeddedEventStore {

    TypeSkippingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new TypeSkippingEventStream(super.openStream(trackingToken));
    }
}
