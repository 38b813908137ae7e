package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the event processors read the event store.
 *
 * @param headPollInterval how often, at most, a processor that has caught up with the live head of the
 *                         store asks it for new events (default 25 ms). Under a steady flow of commands
 *                         this lets a processor read what arrived meanwhile in one query instead of one
 *                         query per event or two. Catching up (a rebuild, a restart) is never paced. Zero
 *                         turns pacing off and leaves Axon's own stream.
 * @param sharedHeadRead   whether the processors at the live head share one read of the store's recent
 *                         events instead of each reading every event itself (default true; needs a head
 *                         poll interval above zero). Off, PostgreSQL reads each new event once per
 *                         streaming processor.
 */
@ConfigurationProperties("roomservice.event-stream")
public record EventStreamProperties(@DefaultValue("25ms") Duration headPollInterval,
                                    @DefaultValue("true") boolean sharedHeadRead) {

    public EventStreamProperties {
        if (headPollInterval.isNegative()) {
            throw new IllegalArgumentException("roomservice.event-stream.head-poll-interval must not be negative");
        }
    }
}
