package io.roomservice.infra.appservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The room timeline's processor.
 *
 * @param pollInterval how long it waits for new events before it reads the event store again (default
 *                     50ms; Axon's default is a second). At the head of the store a commit wakes it
 *                     sooner; reading a stream of its own (behind the head) it is not woken
 * @param batchSize    events handled per transaction (default 100)
 */
@ConfigurationProperties("roomservice.timeline")
public record TimelineProperties(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("100") int batchSize) {
}
