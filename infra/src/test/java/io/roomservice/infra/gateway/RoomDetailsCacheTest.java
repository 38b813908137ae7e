package io.roomservice.infra.gateway;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomDetailsCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private RoomDetails load() {
        return new RoomDetails("!r", "Name " + loads.incrementAndGet(), null, null, null, 1, 1, null);
    }

    private RoomDetailsCache cache() {
        return new RoomDetailsCache(Duration.ofMinutes(5), new Clock() {
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
        });
    }

    @Test
    void details_are_served_from_memory_for_five_minutes_then_read_again() {
        var cache = cache();
        assertThat(cache.get("!r", this::load).name()).isEqualTo("Name 1");
        now = now.plus(Duration.ofMinutes(4));
        assertThat(cache.get("!r", this::load).name()).isEqualTo("Name 1");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(cache.get("!r", this::load).name()).isEqualTo("Name 2");
    }

    @Test
    void a_change_of_the_room_ends_its_entry_at_once() {
        var cache = cache();
        cache.get("!r", this::load);
        cache.invalidate("!r");
        assertThat(cache.get("!r", this::load).name()).isEqualTo("Name 2");
    }
}
