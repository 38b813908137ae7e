package io.roomservice.infra.room;

import io.roomservice.infra.axon.EventStreamProperties;
import io.roomservice.query.room.RoomProjection;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The room list follows the store with a tracking processor: one thread per segment, each reading the
 * stream itself.
 *
 * <p>Axon's pooled processor, which the other read models use, hands the events one thread reads to
 * per-segment queues of 1,024 events, and when one is full its reader waits 100 ms before it looks
 * again. A rebuild's reader fills them at once, so the handling threads idled most of each 100 ms:
 * the room list's rebuild ran at 15,000-18,000 events per second with half of the two cores idle, and
 * 23,000-26,000 on the same machine with this processor (docs/benchmarks.md). Reading the stream
 * twice costs little: at the head both threads are answered by the store's shared read of its recent
 * events.
 *
 * <p>A private stream is not woken by a commit, so each thread waits no longer than the event stream's
 * head poll interval before it asks again, instead of Axon's second: a caller reading its own write
 * waits for the room list.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class RoomListProcessorConfiguration {

    private static final Duration AXON_DEFAULT_WAIT = Duration.ofSeconds(1);

    @Bean
    public ConfigurerModule roomListProcessor(RoomListProperties properties, EventStreamProperties streams) {
        Duration wait = streams.headPollInterval().isZero() ? AXON_DEFAULT_WAIT : streams.headPollInterval();
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                RoomProjection.PROCESSING_GROUP, Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forParallelProcessing(properties.threads())
                        .andInitialSegmentsCount(properties.threads())
                        .andBatchSize(properties.batchSize())
                        .andEventAvailabilityTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)));
    }
}
