package io.roomservice.api.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** pending → exporting → completed | failed; deleted once retention or delete_history removed it. */
public enum ExportState {
    PENDING, EXPORTING, COMPLETED, FAILED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }
}
