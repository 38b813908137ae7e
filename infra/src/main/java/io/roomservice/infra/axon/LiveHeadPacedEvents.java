package io.roomservice.infra.axon;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * The events an event processor reads, fetched from the store in batches, like Axon's own stream,
 * but at most once per {@code headPollInterval} while the reader is at the live head of the store.
 *
 * <p>Axon's processors ask their stream for more as soon as they have handled what they had. Under a
 * steady flow of commands every such question found an event or two, so each of seven processors
 * queried the store for nearly every event appended (about 2.5 queries per event in all, more than the
 * commands themselves sent). Paced, a processor at the head gets what arrived meanwhile in one query.
 *
 * <p>The reader is at the live head when its last batch was not full and either was empty or ended
 * with an event younger than {@link #RECENT}. A batch that is not full because of gaps in the global
 * index in old events, as a rebuild meets them, is not paced: catching up never waits.
 */
final class LiveHeadPacedEvents extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    /** Events older than this are history being caught up with, not the live head. */
    static final Duration RECENT = Duration.ofSeconds(10);

    /** Reads the events after a token, at most a number of them, saying whether the reader is at the live head. */
    @FunctionalInterface
    interface Fetch {
        List<? extends TrackedEventData<?>> after(TrackingToken token, int batchSize, boolean atLiveHead);
    }

    private final Fetch fetch;
    private final int batchSize;
    private final Duration headPollInterval;
    private final Clock clock;

    private TrackingToken lastToken;
    private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
    private Instant nextFetchAtHead = Instant.MIN;
    private boolean atLiveHead;

    LiveHeadPacedEvents(TrackingToken from, Fetch fetch, int batchSize, Duration headPollInterval, Clock clock) {
        super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT | CONCURRENT);
        this.lastToken = from;
        this.fetch = fetch;
        this.batchSize = batchSize;
        this.headPollInterval = headPollInterval;
        this.clock = clock;
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        if (!batch.hasNext() && !fetchNextBatch()) {
            return false;
        }
        TrackedEventData<?> next = batch.next();
        lastToken = next.trackingToken();
        action.accept(next);
        return true;
    }

    private boolean fetchNextBatch() {
        Instant now = clock.instant();
        if (atLiveHead && now.isBefore(nextFetchAtHead)) {
            return false;
        }
        List<? extends TrackedEventData<?>> events = fetch.after(lastToken, batchSize, atLiveHead);
        atLiveHead = events.size() < batchSize
                && (events.isEmpty() || events.get(events.size() - 1).getTimestamp().isAfter(now.minus(RECENT)));
        nextFetchAtHead = now.plus(headPollInterval);
        batch = events.iterator();
        return batch.hasNext();
    }
}
