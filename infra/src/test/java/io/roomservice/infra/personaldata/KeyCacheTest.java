package io.roomservice.infra.personaldata;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCacheTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    private final MutableClock clock = new MutableClock();

    @Test
    void theLeastRecentlyUsedKeyGoesFirst() {
        var cache = new KeyCache(2, Duration.ofMinutes(5), clock);
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        var c = UUID.randomUUID();
        cache.put(a, KEY, cache.epoch());
        cache.put(b, KEY, cache.epoch());
        cache.get(a);

        cache.put(c, KEY, cache.epoch());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(a)).isNotNull();
        assertThat(cache.get(b)).isNull();
        assertThat(cache.get(c)).isNotNull();
    }

    @Test
    void aKeyExpiresAfterItsTimeToLive() {
        var cache = new KeyCache(10, Duration.ofMinutes(5), clock);
        var a = UUID.randomUUID();
        cache.put(a, KEY, cache.epoch());

        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get(a)).isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(a)).isNull();
    }

    @Test
    void aKeyLookedUpBeforeAnEvictionIsNotCached() {
        var cache = new KeyCache(10, Duration.ofMinutes(5), clock);
        var a = UUID.randomUUID();
        long epoch = cache.epoch();

        cache.evict(a);
        cache.put(a, KEY, epoch);

        assertThat(cache.get(a)).isNull();
    }

    @Test
    void aSizeOfZeroCachesNothing() {
        var cache = new KeyCache(0, Duration.ofMinutes(5), clock);
        var a = UUID.randomUUID();
        cache.put(a, KEY, cache.epoch());
        assertThat(cache.get(a)).isNull();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
    }
}
