package io.roomservice.api.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an export was made: asked for by a person, the daily schedule, or the room's disabling. */
public enum ExportType {
    MANUAL, PERIODIC, ON_DELETION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wire)).findFirst();
    }
}
