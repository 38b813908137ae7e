package io.roomservice.infra.scheduler;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The persisted scheduler (db-scheduler) that runs deadlines and homeserver work.
 *
 * @param threads           how many deadlines and pieces of homeserver work may run at once (default 4)
 * @param pollingInterval   how often due executions are looked for (default 1s); one submitted "now" in
 *                          this JVM runs at once regardless
 * @param heartbeatInterval how often a node marks what it is running as alive (default 10s); an execution
 *                          whose node missed six heartbeats (a minute by default) counts as dead and is
 *                          run again by any node
 */
@ConfigurationProperties("roomservice.scheduler")
public record SchedulerProperties(@DefaultValue("4") int threads, @DefaultValue("1s") Duration pollingInterval,
                                  @DefaultValue("10s") Duration heartbeatInterval) {
}
