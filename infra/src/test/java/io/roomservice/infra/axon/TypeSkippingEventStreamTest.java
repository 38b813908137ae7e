package io.roomservice.infra.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TypeSkippingEventStreamTest {

    record Handled(int n) {
    }

    record Ignored(int n) {
    }

    private final StoreSoFar store = new StoreSoFar();
    private final TypeSkippingEventStream stream = new TypeSkippingEventStream(store);

    @Test
    void everyEventIsDeliveredUntilTheProcessorAsksToSkipAType() throws InterruptedException {
        store.append(new Handled(1), new Ignored(2), new Ignored(3), new Handled(4));

        assertThat(positionsDelivered()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void eventsOfASkippedTypeAreLeftOutWhenALaterEventIsAtHand() throws InterruptedException {
        store.append(new Ignored(1));
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store.append(new Ignored(2), new Handled(3), new Ignored(4), new Ignored(5), new Handled(6));

        assertThat(positionsDelivered()).containsExactly(3L, 6L);
    }

    @Test
    void theLastEventAtHandIsDeliveredEvenIfSkippedSoTheTokenReachesTheHead() throws InterruptedException {
        store.append(new Ignored(1));
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store.append(new Handled(2), new Ignored(3), new Ignored(4));

        assertThat(positionsDelivered()).containsExactly(2L, 4L);

        store.append(new Ignored(5), new Handled(6), new Ignored(7));
        assertThat(positionsDelivered()).containsExactly(6L, 7L);
    }

    @Test
    void peekShowsTheEventThatNextAvailableReturns() throws InterruptedException {
        store.append(new Ignored(1));
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store.append(new Ignored(2), new Handled(3));

        assertThat(stream.peek()).map(TypeSkippingEventStreamTest::position).contains(3L);
        assertThat(position(stream.nextAvailable())).isEqualTo(3L);
        assertThat(stream.peek()).isEmpty();
        assertThat(stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)).isFalse();
    }

    private List<Long> positionsDelivered() throws InterruptedException {
        var positions = new ArrayList<Long>();
        while (stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)) {
            positions.add(position(stream.nextAvailable()));
        }
        return positions;
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    /** The events a store has delivered so far: what a processor's stream has at hand without waiting. */
    private static final class StoreSoFar implements TrackingEventStream {

        private final List<TrackedEventMessage<?>> events = new ArrayList<>();
        private int read;
        private long appended;

        void append(Object... payloads) {
            for (var payload : payloads) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++appended),
                        GenericEventMessage.asEventMessage(payload)));
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return read < events.size() ? Optional.of(events.get(read)) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return read < events.size();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.get(read++);
        }

        @Override
        public void close() {
        }
    }
}
