package io.roomservice.infra.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventsWindowTest {

    private static final Duration MAX_AGE = Duration.ofMillis(25);
    private static final int BATCH = 10;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final SimulatedStore store = new SimulatedStore();
    private final RecentEventsWindow window = new RecentEventsWindow(store::fetch, 50, 1_000, MAX_AGE, clock);

    @Test
    void readersAtTheHeadShareOneReadOfTheStore() {
        var readers = List.of(new Reader(window), new Reader(window), new Reader(window), new Reader(window));
        commit(1, 2, 3);
        readers.forEach(Reader::readAll);
        int queriesBefore = store.queries;

        commit(4, 5, 6);
        clock.advance(MAX_AGE);
        readers.forEach(Reader::readAll);

        assertThat(store.queries - queriesBefore).isEqualTo(1);
        readers.forEach(reader -> assertThat(reader.received).containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void whatTheHeadHasNotSeenWaitsForItsNextLook() {
        var reader = new Reader(window);
        commit(1);
        reader.readAll();
        commit(2);

        reader.readAll();
        assertThat(reader.received).containsExactly(1L);

        clock.advance(MAX_AGE);
        reader.readAll();
        assertThat(reader.received).containsExactly(1L, 2L);
    }

    @Test
    void aGapFilledLaterIsDeliveredOnceFromTheWindow() {
        var reader = new Reader(window);
        store.allocate(3); // indexes 1, 2, 3 taken by three transactions
        store.commitTaken(1);
        store.commitTaken(3);
        reader.readAll();
        assertThat(reader.received).containsExactly(1L, 3L);
        int queriesBefore = store.queries;

        store.commitTaken(2);
        clock.advance(MAX_AGE);
        reader.readAll();

        assertThat(reader.received).containsExactly(1L, 3L, 2L);
        assertThat(store.queries - queriesBefore).isEqualTo(1); // the head's look, nothing of the reader's own
    }

    @Test
    void aReaderBehindTheWindowReadsTheStore() {
        commit(1, 2, 3);
        var atTheHead = new Reader(window, GapAwareTrackingToken.newInstance(3, Collections.emptySortedSet()));
        commit(4);
        atTheHead.readAll(); // the window starts where the first reader stood
        var fromTheStart = new Reader(window);
        int queriesBefore = store.queries;

        fromTheStart.readAll();

        assertThat(fromTheStart.received).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.queries).isGreaterThan(queriesBefore);
    }

    @Test
    void onlyAReaderAtTheLiveHeadStartsTheWindowAndOneNotAtTheHeadTakesOnlyFullBatchesFromIt() {
        commit(1, 2, 3);
        var fromTheStart = GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
        int queriesBefore = store.queries;
        assertThat(indexes(window.fetch(fromTheStart, BATCH, false))).containsExactly(1L, 2L, 3L);
        assertThat(store.queries - queriesBefore).isEqualTo(1); // its own read: nothing started

        commit(LongStream.rangeClosed(4, 15).toArray());
        var atTheHead = GapAwareTrackingToken.newInstance(3, Collections.emptySortedSet());
        assertThat(indexes(window.fetch(atTheHead, BATCH, true))).hasSize(BATCH);
        int queriesAfterTheStart = store.queries;

        var closeBehind = GapAwareTrackingToken.newInstance(3, Collections.emptySortedSet());
        assertThat(indexes(window.fetch(closeBehind, BATCH, false))).containsExactlyElementsOf(
                LongStream.rangeClosed(4, 13).boxed().toList());
        assertThat(store.queries).isEqualTo(queriesAfterTheStart);

        // what is left in the window would not fill a batch: the store says what is there now
        commit(16);
        var nearlyThere = GapAwareTrackingToken.newInstance(13, Collections.emptySortedSet());
        assertThat(indexes(window.fetch(nearlyThere, BATCH, false))).containsExactly(14L, 15L, 16L);
        assertThat(store.queries).isEqualTo(queriesAfterTheStart + 1);
    }

    @Test
    void aReaderCatchingUpDoesNotMakeTheHeadLook() {
        commit(1, 2, 3);
        var atTheHead = new Reader(window);
        atTheHead.readAll();
        long looksBefore = window.looks();
        commit(LongStream.rangeClosed(4, 40).toArray());
        clock.advance(MAX_AGE);
        int queriesBefore = store.queries;

        var rebuilding = GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
        assertThat(indexes(window.fetch(rebuilding, BATCH, false))).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 10).boxed().toList());

        assertThat(window.looks()).isEqualTo(looksBefore);
        assertThat(store.queries - queriesBefore).isEqualTo(1); // its own read, and no look at the head

        atTheHead.readAll();
        assertThat(atTheHead.received).containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(window.looks()).isGreaterThan(looksBefore);
    }

    private static List<Long> indexes(List<? extends TrackedEventData<?>> events) {
        return events.stream().map(event -> ((IndexedEventData<?>) event).globalIndex()).toList();
    }

    @Test
    void aGapTheHeadGaveUpOnIsAskedOfTheStore() {
        var reader = new Reader(window);
        store.allocate(2);
        store.commitTaken(2);
        reader.readAll(); // holds 1 as a gap
        // an event older than the gap timeout (migrated history, say): after it the head waits for nothing below
        store.allocate(1);
        store.commitTaken(3, Instant.now().minus(Duration.ofHours(2)));
        var other = new Reader(window, reader.token);
        clock.advance(MAX_AGE);
        other.readAll();
        assertThat(other.received).containsExactly(3L);

        store.commitTaken(1); // the long transaction commits after all
        clock.advance(MAX_AGE);
        reader.readAll();

        // as a read of the store gives it: 1 fills the reader's gap, then 3
        assertThat(reader.received).containsExactly(2L, 1L, 3L);
    }

    @Test
    void aReaderWithMoreGapsThanAxonCleansReadsTheStore() {
        var gaps = LongStream.rangeClosed(1, RecentEventsWindow.GAP_CLEANING_THRESHOLD + 1).boxed()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        var reader = new Reader(window, GapAwareTrackingToken.newInstance(gaps.last() + 1, gaps));
        store.allocate(gaps.last().intValue() + 1);
        store.commitTaken(5);
        int queriesBefore = store.queries;

        reader.readAll();

        assertThat(reader.received).containsExactly(5L);
        assertThat(store.queries - queriesBefore).isEqualTo(2); // its own read, then the head's first look
    }

    @Test
    void everyReaderGetsEveryCommittedEventOnceWhateverTheOrderOfCommits() {
        var random = new Random(42);
        var readers = new ArrayList<Reader>();
        var direct = new Reader(store::fetch);
        for (int i = 0; i < 5; i++) {
            readers.add(new Reader(window));
        }
        var pending = new ArrayList<Long>();
        for (int step = 0; step < 6_000; step++) {
            switch (random.nextInt(6)) {
                case 0 -> pending.add(store.allocate(1));
                case 1, 2 -> {
                    if (!pending.isEmpty()) {
                        long index = pending.remove(random.nextInt(pending.size()));
                        if (random.nextInt(20) == 0) {
                            store.rollBack(index);
                        } else {
                            store.commitTaken(index);
                        }
                    }
                }
                case 3 -> clock.advance(Duration.ofMillis(random.nextInt(40)));
                default -> readers.get(random.nextInt(readers.size())).readOnce();
            }
        }
        int queriesOfTheWindow = store.queries;
        int fetchesOfTheReaders = readers.stream().mapToInt(reader -> reader.queries).sum();
        pending.forEach(store::commitTaken);
        clock.advance(MAX_AGE);
        direct.readAll();
        for (var reader : readers) {
            clock.advance(MAX_AGE);
            reader.readAll();
            reader.readAll();
        }

        var committed = new TreeSet<>(store.committed.keySet());
        assertThat(new TreeSet<>(direct.received)).isEqualTo(committed);
        for (var reader : readers) {
            assertThat(reader.received).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(reader.received)).isEqualTo(committed);
        }
        assertThat(queriesOfTheWindow).isLessThan(fetchesOfTheReaders / 2);
    }

    private void commit(long... indexes) {
        for (long index : indexes) {
            store.allocate(1);
            store.commitTaken(index);
        }
    }

    /** A processor's loop over its stream: fetch after its token, take the events, remember the token. */
    private final class Reader {
        private final java.util.function.BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> source;
        private final List<Long> received = new ArrayList<>();
        private GapAwareTrackingToken token;
        private int queries;

        Reader(RecentEventsWindow window) {
            this(window, null);
        }

        Reader(RecentEventsWindow window, GapAwareTrackingToken from) {
            this.source = (token, size) -> window.fetch(token, size, true);
            this.token = from;
        }

        Reader(java.util.function.BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> source) {
            this.source = source;
        }

        boolean readOnce() {
            queries++;
            var events = source.apply(token == null ? GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet()) : token, BATCH);
            for (var event : events) {
                received.add(((IndexedEventData<?>) event).globalIndex());
                token = (GapAwareTrackingToken) event.trackingToken();
            }
            return !events.isEmpty();
        }

        void readAll() {
            while (readOnce()) {
                // until it finds nothing new
            }
        }
    }

    /** The event table as Axon's JDBC engine queries it: indexes taken in order, committed in any order. */
    private static final class SimulatedStore {
        private final TreeMap<Long, Instant> committed = new TreeMap<>();
        private long lastTaken;
        private int queries;

        long allocate(int count) {
            lastTaken += count;
            return lastTaken;
        }

        void commitTaken(long index) {
            commitTaken(index, Instant.now());
        }

        void commitTaken(long index, Instant timestamp) {
            committed.put(index, timestamp);
        }

        void rollBack(long index) {
            committed.remove(index);
        }

        List<? extends TrackedEventData<?>> fetch(TrackingToken from, int batchSize) {
            queries++;
            var token = (GapAwareTrackingToken) from;
            long index = token == null ? 0 : token.getIndex();
            var result = new ArrayList<IndexedEventData<?>>();
            for (var row : committed.entrySet()) {
                long globalIndex = row.getKey();
                boolean wanted = (globalIndex > index && globalIndex <= index + batchSize)
                        || (token != null && token.getGaps().contains(globalIndex));
                if (wanted && result.size() < batchSize) {
                    token = TunedJdbcEventStorageEngine.nextToken(token, globalIndex, row.getValue());
                    result.add(new IndexedEventData<>(globalIndex, token, new StoredEventEntry<>("Room", "room",
                            globalIndex, "event-" + globalIndex, EventTimestamps.format(row.getValue()), "Payload",
                            null, new byte[0], new byte[0])));
                }
            }
            return result;
        }
    }

    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
