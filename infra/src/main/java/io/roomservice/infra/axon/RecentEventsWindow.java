package io.roomservice.infra.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The recent events of the store, read once for all event processors at its live head, instead of
 * once by each of them.
 *
 * <p>Every streaming processor reads its own stream (see EventStoreConfiguration), so under a steady
 * flow of commands PostgreSQL read each new event once per processor: 6.4 rows per event appended,
 * for seven processors of which five handle no room event at all. Here one reader, the window's head,
 * follows the store with a gap-aware token of its own, at most once per {@code maxAge}, and a
 * processor near the head is answered from the rows it read.
 *
 * <p>A processor's token (an index and the gaps below it, indexes not yet committed when it last
 * looked) can be answered only where the window knows each index: committed (a row it holds), not
 * committed when the head last looked (one of the head's gaps), or never to be committed. That is
 * every index from {@link #lowestKnown} up to the head's index, except those the head gave up
 * waiting for without seeing them (Axon's gap clean-up and gap timeout), which only the store can
 * answer. A processor whose token reaches below what the window knows, or that holds more gaps than
 * Axon's clean-up threshold, reads the store as before. Either way its token is computed from the
 * rows it is given exactly as the storage engine computes it while reading the store, so a processor
 * gets each event once, and what a head that looked a moment ago has not seen is left for the next
 * look, as in a read of the store a moment ago.
 */
final class RecentEventsWindow {

    /** Axon's default: past this many gaps its engine cleans a token's old gaps, which only the store can do. */
    static final int GAP_CLEANING_THRESHOLD = 250;

    private final BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> store;
    private final int headBatchSize;
    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;

    private final ReentrantLock reading = new ReentrantLock();
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
    // guarded by state
    private final TreeMap<Long, IndexedEventData<?>> rows = new TreeMap<>();
    private final Set<Long> givenUp = new HashSet<>();
    private volatile GapAwareTrackingToken head;
    private long lowestKnown = Long.MAX_VALUE;
    private volatile Instant readAt = Instant.MIN;

    private final LongAdder answered = new LongAdder();
    private final LongAdder sentToStore = new LongAdder();
    private final LongAdder looks = new LongAdder();

    /**
     * @param store         reads the store from a token, as the storage engine does for a processor
     * @param headBatchSize rows the head asks for per query
     * @param capacity      highest index distance the window covers below its head
     * @param maxAge        how long one look at the head answers processors before the next look
     */
    RecentEventsWindow(BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> store,
                       int headBatchSize, int capacity, Duration maxAge, Clock clock) {
        this.store = store;
        this.headBatchSize = headBatchSize;
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * The events after {@code token}, at most {@code batchSize}: from the window where it can, else from
     * the store. Only a reader at the live head starts the window (one catching up from far back would
     * start it where it would only trail the head), and only such a reader accepts the window's last look
     * as the head: one that is not at the head yet (its last batch was full, or it just opened its stream)
     * is answered from the window with a full batch or not at all, so it still sees the store as it is now
     * when it reaches the head. Nor does such a reader make the head look: a rebuild far behind the window
     * did, and read everything appended after its start twice, in the window and for itself.
     */
    List<? extends TrackedEventData<?>> fetch(TrackingToken token, int batchSize, boolean atLiveHead) {
        if (!(token instanceof GapAwareTrackingToken reader) || reader.getGaps().size() > GAP_CLEANING_THRESHOLD
                || (head == null && !atLiveHead)) {
            sentToStore.increment();
            return store.apply(token, batchSize);
        }
        if (atLiveHead) {
            lookAtHeadIfStale(reader);
        }
        var answer = answer(reader, batchSize);
        if (answer == null || (!atLiveHead && answer.size() < batchSize)) {
            sentToStore.increment();
            return store.apply(token, batchSize);
        }
        answered.increment();
        return answer;
    }

    /** Fetches answered from the window so far. */
    long answered() {
        return answered.sum();
    }

    /** Fetches the window could not answer, which read the store themselves, so far. */
    long sentToStore() {
        return sentToStore.sum();
    }

    /** The head's looks at the store so far. */
    long looks() {
        return looks.sum();
    }

    private List<IndexedEventData<?>> answer(GapAwareTrackingToken reader, int batchSize) {
        state.readLock().lock();
        try {
            if (head == null || reader.getIndex() + 1 < lowestKnown) {
                return null;
            }
            var wanted = new TreeSet<Long>();
            for (long gap : reader.getGaps()) {
                if (rows.containsKey(gap)) {
                    wanted.add(gap);
                } else if (!knownUncommitted(gap)) {
                    return null;
                }
            }
            var afterReader = reader.getIndex() < head.getIndex()
                    ? rows.subMap(reader.getIndex(), false, head.getIndex(), true).values()
                    : List.<IndexedEventData<?>>of();
            // a reader's gaps all lie below its index: the events filling them come first, as the store orders them
            var events = Stream.concat(wanted.stream().map(rows::get), afterReader.stream()).limit(batchSize).toList();
            var result = new ArrayList<IndexedEventData<?>>();
            var tokenSoFar = reader;
            for (var row : events) {
                tokenSoFar = TunedJdbcEventStorageEngine.nextToken(tokenSoFar, row.globalIndex(), row.getTimestamp());
                result.add(row.withToken(tokenSoFar));
            }
            return result;
        } finally {
            state.readLock().unlock();
        }
    }

    /** The head did not find this index committed when it last looked (it awaits it, or passed it over for good). */
    private boolean knownUncommitted(long index) {
        if (index >= lowestKnown && index <= head.getIndex() && !givenUp.contains(index)) {
            return true; // not held, so either one of the head's gaps or never to be committed
        }
        return head.getGaps().contains(index);
    }

    private void lookAtHeadIfStale(GapAwareTrackingToken reader) {
        if (!isStale()) {
            return;
        }
        reading.lock();
        try {
            if (isStale()) {
                lookAtHead(reader);
            }
        } finally {
            reading.unlock();
        }
    }

    private boolean isStale() {
        return !clock.instant().isBefore(readAt.plus(maxAge));
    }

    /** Reads what arrived since the head last looked; the first look starts where the asking reader stands. */
    private void lookAtHead(GapAwareTrackingToken reader) {
        looks.increment();
        Instant now = clock.instant();
        GapAwareTrackingToken from = head != null ? head : reader;
        var read = new ArrayList<IndexedEventData<?>>();
        GapAwareTrackingToken to = from;
        List<? extends TrackedEventData<?>> batch;
        do {
            batch = store.apply(to, headBatchSize);
            for (var event : batch) {
                read.add((IndexedEventData<?>) event);
                to = (GapAwareTrackingToken) event.trackingToken();
            }
        } while (batch.size() == headBatchSize && read.size() < capacity);
        state.writeLock().lock();
        try {
            if (head == null) {
                lowestKnown = from.getIndex() + 1;
            }
            read.forEach(row -> rows.put(row.globalIndex(), row));
            rememberGivenUp(from, to, read);
            head = to;
            forgetBelow(head.getIndex() - capacity + 1);
            readAt = now;
        } finally {
            state.writeLock().unlock();
        }
    }

    /**
     * The head's old gaps that it neither read nor still waits for: Axon's engine stopped waiting for
     * them (old gaps cleaned, or an event older than the gap timeout). Another reader may still wait for
     * them, and only the store can tell it whether they came.
     */
    private void rememberGivenUp(GapAwareTrackingToken from, GapAwareTrackingToken to, List<IndexedEventData<?>> read) {
        SortedSet<Long> stillAwaited = to.getGaps();
        for (long gap : from.getGaps()) {
            if (!stillAwaited.contains(gap) && !rows.containsKey(gap)) {
                givenUp.add(gap);
            }
        }
        // indexes passed over without becoming gaps (an event older than the gap timeout) are given up too
        long last = from.getIndex();
        for (var row : read) {
            for (long skipped = last + 1; skipped < row.globalIndex() && row.globalIndex() > last; skipped++) {
                if (!stillAwaited.contains(skipped) && !rows.containsKey(skipped)) {
                    givenUp.add(skipped);
                }
            }
            last = Math.max(last, row.globalIndex());
        }
    }

    private void forgetBelow(long index) {
        if (index <= lowestKnown) {
            return;
        }
        lowestKnown = index;
        rows.headMap(index, false).clear();
        givenUp.removeIf(gap -> gap < index);
    }
}
