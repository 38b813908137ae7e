package io.roomservice.infra.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real PostgreSQL, streams at the head of the application's event store are answered by the
 * shared read of its recent events, and still get every event once while transactions commit out of
 * order.
 */
class RecentEventsWindowEndToEndTest extends EndToEndTest {

    record Probe(String run, int number) {
    }

    private static final int TRANSACTIONS = 40;
    private static final int EVENTS_PER_TRANSACTION = 3;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    MeterRegistry meters;

    @Test
    void streamsAtTheHeadGetEveryEventOnceFromOneSharedReadOfTheStore() throws Exception {
        String run = UUID.randomUUID().toString();
        TrackingToken start = eventStore.createHeadToken();
        double answeredBefore = answeredByTheWindow();
        var pool = Executors.newFixedThreadPool(7);
        try {
            var readers = IntStream.range(0, 3)
                    .mapToObj(i -> pool.submit(readUntilAllArrived(start, run, TRANSACTIONS * EVENTS_PER_TRANSACTION)))
                    .toList();
            // four writers: their transactions take global indexes in one order and commit in another
            var writers = IntStream.range(0, 4).mapToObj(w -> pool.submit(() -> {
                for (int t = w; t < TRANSACTIONS; t += 4) {
                    int first = t * EVENTS_PER_TRANSACTION;
                    transactions.executeInTransaction(() -> eventStore.publish(IntStream.range(first, first + EVENTS_PER_TRANSACTION)
                            .mapToObj(n -> GenericEventMessage.asEventMessage(new Probe(run, n))).toList()));
                    Thread.sleep(5);
                }
                return null;
            })).toList();
            for (var writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            for (var reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS))
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, TRANSACTIONS * EVENTS_PER_TRANSACTION).boxed().toList());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answeredByTheWindow()).isGreaterThan(answeredBefore);
    }

    /** Reads the store's stream until every probe of the run arrived, then a little longer to catch a second delivery. */
    private Callable<List<Integer>> readUntilAllArrived(TrackingToken start, String run, int expected) {
        return () -> {
            var numbers = new ArrayList<Integer>();
            try (var stream = eventStore.openStream(start)) {
                long lingerUntil = Long.MAX_VALUE;
                while (System.nanoTime() < lingerUntil) {
                    if (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    if (stream.nextAvailable().getPayload() instanceof Probe probe && probe.run().equals(run)) {
                        numbers.add(probe.number());
                        if (lingerUntil == Long.MAX_VALUE && new java.util.HashSet<>(numbers).size() == expected) {
                            lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                        }
                    }
                }
            }
            return numbers;
        };
    }

    private double answeredByTheWindow() {
        return meters.get("roomservice.event-stream.head-fetches").tag("answered-by", "window").functionCounter().count();
    }
}
