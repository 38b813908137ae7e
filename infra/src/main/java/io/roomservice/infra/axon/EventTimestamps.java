package io.roomservice.infra.axon;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an event's timestamp exactly as Axon's {@link DateTimeUtils#formatInstant} does
 * ({@code 2026-12-02T03:04:05.123Z}: UTC, milliseconds, finer digits cut off), so that stored
 * timestamps keep sorting as text, and reads it back, both without a {@code DateTimeFormatter}:
 * formatting one took about 4 % of a command, and parsing (every processor parses every event it
 * reads) 7.5 % of a projection rebuild. Years outside 1000-9999, and any text in another layout, go
 * to Axon's formatter and parser.
 */
final class EventTimestamps {

    private EventTimestamps() {
    }

    static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            return DateTimeUtils.formatInstant(instant);
        }
        StringBuilder text = new StringBuilder(30).append(time.getYear()).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append('T');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, time.getSecond()).append('.');
        int millis = instant.getNano() / 1_000_000;
        return text.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z').toString();
    }

    /** Reads a stored timestamp; the inverse of {@link #format}, and of Axon's formatter for any other layout. */
    static Instant parse(CharSequence text) {
        if (!isInOwnLayout(text)) {
            return DateTimeUtils.parseInstant(text);
        }
        LocalDateTime time = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2));
        return Instant.ofEpochSecond(time.toEpochSecond(ZoneOffset.UTC), digits(text, 20, 3) * 1_000_000L);
    }

    private static final String LAYOUT = "dddd-dd-ddTdd:dd:dd.dddZ";

    private static boolean isInOwnLayout(CharSequence text) {
        if (text.length() != LAYOUT.length()) {
            return false;
        }
        for (int i = 0; i < LAYOUT.length(); i++) {
            char expected = LAYOUT.charAt(i);
            char actual = text.charAt(i);
            if (expected == 'd' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
