package io.roomservice.infra.deadletters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Parked events whose failure may pass by itself ({@code roomservice.dead-letters.*}). Other parked
 * events wait for staff.
 *
 * @param retryInterval how often one node looks for parked transient failures that are due (default 30s)
 * @param firstBackOff  how long after its first failure an event is tried again (default 30s); each
 *                      further failure doubles the wait, up to {@code maxBackOff}
 * @param maxBackOff    the longest wait between two automatic attempts (default 10m)
 * @param maxAttempts   after this many failures an event waits for staff (default 8: about 30 minutes)
 */
@ConfigurationProperties("roomservice.dead-letters")
public record DeadLetterRetryProperties(@DefaultValue("30s") Duration retryInterval,
                                        @DefaultValue("30s") Duration firstBackOff,
                                        @DefaultValue("10m") Duration maxBackOff,
                                        @DefaultValue("8") int maxAttempts) {

    /** The wait after {@code attempts} failures: the first back-off, doubled per further failure, capped. */
    Duration backOffAfter(long attempts) {
        long doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = firstBackOff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}
