package io.roomservice.infra.room;

import io.roomservice.infra.axon.TrackingProcessors;
import io.roomservice.query.room.RoomProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The room list follows the store with a tracking processor: one thread per segment, each reading the
 * stream itself.
 *
 * <p>Axon's pooled processor, which the other read models use, hands the events one thread reads to
 * per-segment queues of 1,024 events, and when one is full its reader waits 100 ms before it looks
 * again. A rebuild's reader fills them at once, so the handling threads idled most of each 100 ms:
 * with half of the two cores idle, a rebuild ran at 14,000-17,900 events per second, and at
 * 18,900-26,500 on the same machine with this processor (docs/benchmarks.md, runs Y to AA). Reading
 * the stream twice costs little: at the head both threads are answered by the store's shared read of
 * its recent events.
 *
 * <p>A thread that found nothing new waits {@link RoomListProperties#pollInterval()} (100 ms) before
 * it reads again ({@link TrackingProcessors}): a caller reading its own write waits for the room list.
 * (The pooled processor looked again 500 ms after it found nothing.)
 */
@Configuration(proxyBeanMethods = false)
public class RoomListProcessorConfiguration {

    @Bean
    public ConfigurerModule roomListProcessor(RoomListProperties properties) {
        return TrackingProcessors.tracking(RoomProjection.PROCESSING_GROUP, properties.threads(),
                properties.batchSize(), properties.pollInterval());
    }
}
