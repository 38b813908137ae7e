package io.roomservice.infra.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import javax.annotation.Nullable;
import java.time.Instant;

/**
 * The event store as the streaming event processors read it: each stream it opens leaves out the
 * event types its processor cannot handle ({@link TypeSkippingEventStream}). Processors name it as
 * their {@code source} in {@code application.yml}.
 */
public final class TypeSkippingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The bean name processors give as their source. */
    public static final String BEAN_NAME = "typeSkippingEvents";

    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    public TypeSkippingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(@Nullable TrackingToken trackingToken) {
        return new TypeSkippingEventStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
