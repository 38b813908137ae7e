package io.roomservice.infra.appservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The room timeline's processor.
 *
 * @param pollInterval how long it waits for new events before it reads the event store again (default
 *                     50ms): the longest a pushed Matrix event waits before it is readable. Each
 *                     processor reads its own stream (see EventStoreConfiguration), and such a stream
 *                     is not woken by a commit; Axon's default wait is a second
 * @param batchSize    events handled per transaction (default 100)
 */
@ConfigurationProperties("roomservice.timeline")
public record TimelineProperties(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("100") int batchSize) {
}
