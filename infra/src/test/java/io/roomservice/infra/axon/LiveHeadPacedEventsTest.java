package io.roomservice.infra.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;

import static org.assertj.core.api.Assertions.assertThat;

class LiveHeadPacedEventsTest {

    private static final Duration INTERVAL = Duration.ofMillis(25);
    private static final int BATCH = 100;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<TrackedEventData<?>> store = new ArrayList<>();
    private int queries;

    private final Iterator<TrackedEventData<?>> reader = Spliterators.iterator(
            new LiveHeadPacedEvents(null, (token, size, atHead) -> fetch(token, size), BATCH, INTERVAL, clock));

    @Test
    void catchingUpReadsBatchAfterBatchWithoutWaiting() {
        append(250, clock.instant().minus(Duration.ofDays(30)));

        assertThat(readAll()).isEqualTo(250);
        assertThat(queries).isEqualTo(4); // 100, 100, 50 (history, not the head), then the empty head
    }

    @Test
    void atTheLiveHeadTheStoreIsAskedAgainOnlyAfterTheInterval() {
        append(3, clock.instant());
        assertThat(readAll()).isEqualTo(3);
        int queriesAtTheHead = queries;

        append(2, clock.instant());
        assertThat(reader.hasNext()).isFalse();
        assertThat(queries).isEqualTo(queriesAtTheHead);

        clock.advance(INTERVAL);
        assertThat(readAll()).isEqualTo(2);
        assertThat(queries).isEqualTo(queriesAtTheHead + 1);
    }

    @Test
    void anEmptyHeadIsAskedAgainOnlyAfterTheInterval() {
        assertThat(reader.hasNext()).isFalse();
        append(1, clock.instant());

        assertThat(reader.hasNext()).isFalse();
        clock.advance(INTERVAL);
        assertThat(reader.hasNext()).isTrue();
        assertThat(queries).isEqualTo(2);
    }

    @Test
    void aShortBatchOfOldEventsIsNotTakenForTheHead() {
        // a batch cut short in history (gaps in the global index, as a rebuild meets them) must not pause the reader
        store.add(event(1, clock.instant().minus(Duration.ofHours(1))));
        assertThat(reader.hasNext()).isTrue();
        reader.next();

        append(1, clock.instant());
        assertThat(reader.hasNext()).isTrue();
        assertThat(queries).isEqualTo(2);
    }

    @Test
    void everyEventIsDeliveredOnceAndInOrderAcrossPacedReads() {
        List<Long> seen = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            append(7, clock.instant());
            while (reader.hasNext()) {
                seen.add(((GlobalSequenceTrackingToken) reader.next().trackingToken()).getGlobalIndex());
            }
            clock.advance(INTERVAL);
        }
        while (reader.hasNext()) {
            seen.add(((GlobalSequenceTrackingToken) reader.next().trackingToken()).getGlobalIndex());
        }

        assertThat(seen).hasSize(35).isSorted().doesNotHaveDuplicates();
    }

    private int readAll() {
        int read = 0;
        while (reader.hasNext()) {
            reader.next();
            read++;
        }
        return read;
    }

    private List<? extends TrackedEventData<?>> fetch(TrackingToken after, int batchSize) {
        queries++;
        long from = after == null ? 0 : ((GlobalSequenceTrackingToken) after).getGlobalIndex();
        return store.stream()
                .filter(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex() > from)
                .limit(batchSize)
                .toList();
    }

    private void append(int count, Instant timestamp) {
        for (int i = 0; i < count; i++) {
            store.add(event(store.size() + 1, timestamp));
        }
    }

    private static TrackedEventData<?> event(long globalIndex, Instant timestamp) {
        return new StoredEvent(new GlobalSequenceTrackingToken(globalIndex), timestamp);
    }

    private record StoredEvent(TrackingToken trackingToken, Instant getTimestamp) implements TrackedEventData<byte[]> {

        @Override
        public String getEventIdentifier() {
            return trackingToken.toString();
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return null;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return null;
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
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
