package io.roomservice.sagas.homeserver;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;

/**
 * How sagas retry transient homeserver failures on persisted deadlines: exponential backoff from
 * {@code initialBackoff}, capped at {@code maxBackoff}, at most {@code maxAttempts} attempts in all.
 * A delay the homeserver asked for (429 retry_after_ms) wins when it is longer.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait before attempt number {@code attemptsMade + 1}. */
    public Duration delayAfter(int attemptsMade, HomeserverException failure) {
        var computed = backoff(attemptsMade);
        return failure.retryAfter().filter(asked -> asked.compareTo(computed) > 0).orElse(computed);
    }

    /** The exponential backoff alone, after {@code attemptsMade} failed attempts. */
    public Duration backoff(int attemptsMade) {
        var backoff = IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0, maxBackoff);
        return Duration.ofMillis(backoff.apply(attemptsMade));
    }
}
