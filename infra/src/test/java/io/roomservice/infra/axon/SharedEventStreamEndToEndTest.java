package io.roomservice.infra.axon;

import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real PostgreSQL, streams of the application's event store (Axon's shared read of the head,
 * {@code optimizeEventConsumption}) get every event exactly once while transactions commit out of
 * order, one of them holding its global index open for seconds.
 */
class SharedEventStreamEndToEndTest extends EndToEndTest {

    record Probe(String run, int number) {
    }

    private static final int TRANSACTIONS = 40;
    private static final int EVENTS_PER_TRANSACTION = 3;
    /** The slow transaction's events come after the others' numbers. */
    private static final int SLOW_EVENTS = 2;
    private static final int EXPECTED = TRANSACTIONS * EVENTS_PER_TRANSACTION + SLOW_EVENTS;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;

    @Test
    void streamsGetEveryEventOnceWhileTransactionsCommitOutOfOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        TrackingToken start = eventStore.createHeadToken();
        var pool = Executors.newFixedThreadPool(9);
        try {
            // three readers from the head, as processors that have caught up; one opened later, from the start
            var readers = new ArrayList<>(IntStream.range(0, 3)
                    .mapToObj(i -> pool.submit(readUntilAllArrived(start, run))).toList());
            // a transaction that takes its indexes first and commits last, as one waiting on a slow call would
            Future<?> slow = pool.submit(() -> {
                transactions.executeInTransaction(() -> {
                    publish(run, TRANSACTIONS * EVENTS_PER_TRANSACTION, SLOW_EVENTS);
                    sleep(2_500);
                });
                return null;
            });
            // four writers: their transactions take global indexes in one order and commit in another
            var writers = IntStream.range(0, 4).mapToObj(w -> pool.submit(() -> {
                for (int t = w; t < TRANSACTIONS; t += 4) {
                    int first = t * EVENTS_PER_TRANSACTION;
                    transactions.executeInTransaction(() -> {
                        publish(run, first, EVENTS_PER_TRANSACTION);
                        sleep(first % 7);
                    });
                    Thread.sleep(5);
                }
                return null;
            })).toList();
            Thread.sleep(500);
            readers.add(pool.submit(readUntilAllArrived(start, run)));
            for (var writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            slow.get(30, TimeUnit.SECONDS);
            for (var reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS))
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, EXPECTED).boxed().toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void publish(String run, int first, int count) {
        eventStore.publish(IntStream.range(first, first + count)
                .mapToObj(n -> GenericEventMessage.asEventMessage(new Probe(run, n))).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the store's stream until every probe of the run arrived, then a little longer to catch a
     * second delivery; gives up after 20 s, so that a skipped event shows in the assertion.
     */
    private Callable<List<Integer>> readUntilAllArrived(TrackingToken start, String run) {
        return () -> {
            var numbers = new ArrayList<Integer>();
            try (var stream = eventStore.openStream(start)) {
                long lingerUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                boolean allArrived = false;
                while (System.nanoTime() < lingerUntil) {
                    if (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    if (stream.nextAvailable().getPayload() instanceof Probe probe && probe.run().equals(run)) {
                        numbers.add(probe.number());
                        if (!allArrived && new HashSet<>(numbers).size() == EXPECTED) {
                            allArrived = true;
                            lingerUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                        }
                    }
                }
            }
            return numbers;
        };
    }
}
