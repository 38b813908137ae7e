package io.roomservice.infra.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsTest {

    @Test
    void timestampsAreWrittenExactlyAsAxonWritesThem() {
        var random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
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
}
