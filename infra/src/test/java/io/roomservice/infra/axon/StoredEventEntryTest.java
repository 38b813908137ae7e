package io.roomservice.infra.axon;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventEntryTest {

    @Test
    void theTimestampIsParsedOnceAndThenRemembered() {
        var entry = new StoredEventEntry<>("Room", "a room", 0, "an event", "2026-12-02T03:04:05.123Z",
                "io.roomservice.api.room.RoomActivated", "1", new byte[0], new byte[0]);

        Instant first = entry.getTimestamp();

        assertThat(first).isEqualTo(Instant.parse("2026-12-02T03:04:05.123Z"));
        // Axon's entry would hand out a newly parsed, equal instant on every call
        assertThat(entry.getTimestamp()).isSameAs(first);
    }
}
