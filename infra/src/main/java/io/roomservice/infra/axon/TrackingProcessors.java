package io.roomservice.infra.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tracking processors with a shorter wait for new events than Axon's second. A thread that has caught
 * up follows the event store's shared read of the head and is woken when it brings new events; one that
 * reads a stream of its own (behind the head, or events another node appended) looks again after
 * {@code pollInterval}. Each wait that ends with nothing new ends with a transaction that extends the
 * thread's token claim.
 */
public final class TrackingProcessors {

    private TrackingProcessors() {
    }

    /** A tracking processor of {@code threads} threads, each following one of as many segments. */
    public static ConfigurerModule tracking(String name, int threads, int batchSize, Duration pollInterval) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                name, Configuration::eventStore, c -> configuration(threads, batchSize, pollInterval)));
    }

    /**
     * As {@link #tracking}, for a processor that must not handle what was stored before it first ran:
     * its tokens start at the head of the event store when they are first created.
     */
    public static ConfigurerModule trackingFromHead(String name, int threads, int batchSize, Duration pollInterval) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                name, Configuration::eventStore, c -> configuration(threads, batchSize, pollInterval)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    static TrackingEventProcessorConfiguration configuration(int threads, int batchSize, Duration pollInterval) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                .andInitialSegmentsCount(threads)
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
