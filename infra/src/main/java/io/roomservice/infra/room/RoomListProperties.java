package io.roomservice.infra.room;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The room list's processor (see RoomListProcessorConfiguration).
 *
 * @param threads   threads, and the segments the rooms are split into by id when the processor first
 *                  starts (default 2: a rebuild uses two cores)
 * @param batchSize events handled per transaction (default 1000: a rebuild writes its rows and stores
 *                  its token once per thousand events)
 */
@ConfigurationProperties("roomservice.room-list")
public record RoomListProperties(@DefaultValue("2") int threads, @DefaultValue("1000") int batchSize) {

    public RoomListProperties {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("roomservice.room-list.threads and batch-size must be at least 1");
        }
    }
}
