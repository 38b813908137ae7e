package io.roomservice.infra.room;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The room list's processor (see RoomListProcessorConfiguration).
 *
 * @param threads      threads, and the segments the rooms are split into by id when the processor first
 *                     starts (default 2: a rebuild uses two cores)
 * @param batchSize    events handled per transaction (default 1000: a rebuild writes its rows and stores
 *                     its token once per thousand events)
 * @param pollInterval how long a thread that found nothing new waits before it reads the store again
 *                     (default 100ms): about how long a new room or a state change takes to show in the
 *                     list, and so how long a {@code POST /api/matrix/rooms/} waits for its room. Each
 *                     wait that ends with nothing new extends the thread's token claim in a transaction
 *                     of its own, so a shorter interval costs an idle service that many transactions
 *                     per second per thread, and a busy one that many smaller batches
 */
@ConfigurationProperties("roomservice.room-list")
public record RoomListProperties(@DefaultValue("2") int threads, @DefaultValue("1000") int batchSize,
                                 @DefaultValue("100ms") Duration pollInterval) {

    public RoomListProperties {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("roomservice.room-list.threads and batch-size must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("roomservice.room-list.poll-interval must be positive");
        }
    }
}
