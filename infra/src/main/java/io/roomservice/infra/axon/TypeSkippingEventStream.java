package io.roomservice.infra.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An event processor's stream that leaves out the events of payload types the processor said it
 * cannot handle ({@link #skipMessagesWithPayloadTypeOf}), the way Axon Server does for its clients.
 *
 * <p>Axon's processors ask their stream to skip such types, but the embedded event store's own
 * streams ignore the request, so every processor scheduled every event of the store for its work packages,
 * asked each handler about it and moved its token, even the five processors that handle no room
 * event at all while rooms are created by the thousand.
 *
 * <p>A skipped event is left out only when the next event is already at hand: the last event the
 * store has delivered so far always reaches the processor, whatever its type, so the processor's
 * token (and the lag an operator reads from it) still reaches the head of the store. Tokens are
 * computed by the store as it reads each row, so leaving events out changes none of them.
 */
final class TypeSkippingEventStream implements TrackingEventStream {

    private final TrackingEventStream events;
    private final Set<Class<?>> skipped = new HashSet<>();
    private TrackedEventMessage<?> next;

    TypeSkippingEventStream(TrackingEventStream events) {
        this.events = events;
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        skipped.add(ignoredMessage.getPayloadType());
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        takeAvailable();
        return Optional.ofNullable(next);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        takeAvailable();
        if (next == null && events.hasNextAvailable(timeout, unit)) {
            takeAvailable();
        }
        return next != null;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        takeAvailable();
        if (next == null) {
            next = events.nextAvailable();
            takeAvailable();
        }
        var message = next;
        next = null;
        return message;
    }

    /** Moves {@link #next} to the first event to deliver, without waiting for the store. */
    private void takeAvailable() {
        while (true) {
            if (next == null) {
                if (!events.hasNextAvailable()) {
                    return;
                }
                next = takeFromEvents();
            }
            if (!skipped.contains(next.getPayloadType()) || !events.hasNextAvailable()) {
                return;
            }
            next = takeFromEvents();
        }
    }

    private TrackedEventMessage<?> takeFromEvents() {
        try {
            return events.nextAvailable();
        } catch (InterruptedException e) {
            // only called when an event is available, so nothing was waited for
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking an available event", e);
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return events.setOnAvailableCallback(callback);
    }

    @Override
    public void close() {
        events.close();
    }
}
