package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The persisted deadline scheduler.
 *
 * @param threads         how many deadlines may run at once (default 4)
 * @param pollingInterval how often due deadlines are looked for (default 1s); a deadline due "now" in
 *                        this JVM runs at once regardless
 */
@ConfigurationProperties("roomservice.scheduler")
public record SchedulerProperties(@DefaultValue("4") int threads, @DefaultValue("1s") Duration pollingInterval) {
}
