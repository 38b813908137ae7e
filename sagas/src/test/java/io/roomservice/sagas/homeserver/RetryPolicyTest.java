package io.roomservice.sagas.homeserver;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final HomeserverException serverError = HomeserverException.transientFailure("502 Bad Gateway", null);

    @Test
    void theFirstRetryWaitsTheInitialBackoff() {
        assertThat(policy.delayAfter(1, serverError)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theBackoffDoublesWithEveryAttempt() {
        assertThat(policy.delayAfter(2, serverError)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3, serverError)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(4, serverError)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(5, serverError)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theBackoffIsCappedAtTheMaximum() {
        assertThat(policy.delayAfter(6, serverError)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(20, serverError)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffWins() {
        var rateLimited = HomeserverException.rateLimited("429 M_LIMIT_EXCEEDED", Duration.ofSeconds(20));

        assertThat(policy.delayAfter(1, rateLimited)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aRetryAfterShorterThanTheBackoffIsNotWaitedOnAlone() {
        var rateLimited = HomeserverException.rateLimited("429 M_LIMIT_EXCEEDED", Duration.ofMillis(500));

        assertThat(policy.delayAfter(3, rateLimited)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumBackoffIsStillHonoured() {
        var rateLimited = HomeserverException.rateLimited("429 M_LIMIT_EXCEEDED", Duration.ofMinutes(2));

        assertThat(policy.delayAfter(1, rateLimited)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void attemptsAreExhaustedOnceTheMaximumWasMade() {
        assertThat(policy.exhausted(1)).isFalse();
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
        assertThat(policy.exhausted(4)).isTrue();
    }

    @Test
    void aPolicyNeedsAtLeastOneAttempt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }
}
