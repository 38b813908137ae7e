package io.roomservice.infra.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsTest {

    @Test
    void timestampsAreWrittenExactlyAsAxonWritesThem() {
        var random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = secondsBetween(random, "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(EventTimestamps.format(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @Test
    void nowAndTheEdgesOfTheYearRangeToo() {
        for (Instant instant : new Instant[]{Instant.now(), Instant.EPOCH, Instant.parse("0999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-12-02T03:04:05.120Z")}) {
            assertThat(EventTimestamps.format(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @Test
    void storedTimestampsAreReadExactlyAsAxonReadsThem() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = secondsBetween(random, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)));
            assertThat(EventTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void textInAnyOtherLayoutIsLeftToAxonsParser() {
        for (String text : new String[]{"2026-12-02T03:04:05Z", "2026-12-02T03:04:05.123456789Z", "+10000-01-01T00:00:00.000Z",
                "2026-12-02T03:04:05.1Z", "2026-12-02T03:04:05.123+01:00"}) {
            assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void whatIsWrittenIsReadBackToTheMillisecond() {
        Instant now = Instant.now();
        assertThat(EventTimestamps.parse(EventTimestamps.format(now))).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
    }

    private static long secondsBetween(SplittableRandom random, String from, String to) {
        return random.nextLong(Instant.parse(from).getEpochSecond(), Instant.parse(to).getEpochSecond());
    }
}
