package io.roomservice.infra.bot;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** At most ten replies per room in any minute; what is over is dropped and counted. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WindowReplyLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final WindowReplyLimit limit = new WindowReplyLimit(10, clock, meters);

    private double dropped() {
        return meters.get("roomservice.bot.replies.dropped").counter().count();
    }

    @Test
    void the_eleventh_reply_in_a_minute_is_dropped_and_counted() {
        assertThat(IntStream.range(0, 10).allMatch(i -> limit.tryAcquire("!a:example.org"))).isTrue();

        assertThat(limit.tryAcquire("!a:example.org")).isFalse();
        assertThat(dropped()).isEqualTo(1.0);
    }

    @Test
    void each_room_has_its_own_limit_and_a_minute_later_the_room_may_reply_again() {
        IntStream.range(0, 10).forEach(i -> limit.tryAcquire("!a:example.org"));

        assertThat(limit.tryAcquire("!b:example.org")).isTrue();
        now = now.plus(Duration.ofSeconds(61));
        assertThat(limit.tryAcquire("!a:example.org")).isTrue();
        assertThat(dropped()).isZero();
    }
}
