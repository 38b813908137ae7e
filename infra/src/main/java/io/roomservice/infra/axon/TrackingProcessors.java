package io.roomservice.infra.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tracking processors on the event store's private streams (EventStoreConfiguration). Such a stream is
 * not woken by a commit, so a thread that found nothing new waits {@code pollInterval} before it reads
 * again, instead of Axon's second; each such wait ends with a transaction that extends the thread's
 * token claim.
 */
public final class TrackingProcessors {

    private TrackingProcessors() {
    }

    /** A tracking processor of {@code threads} threads, each following one of as many segments. */
    public static ConfigurerModule tracking(String name, int threads, int batchSize, Duration pollInterval) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                name, Configuration::eventStore, c -> configuration(threads, batchSize, pollInterval)));
    }

    static TrackingEventProcessorConfiguration configuration(int threads, int batchSize, Duration pollInterval) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                .andInitialSegmentsCount(threads)
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
