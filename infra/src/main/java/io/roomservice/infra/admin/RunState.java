package io.roomservice.infra.admin;

import java.util.Locale;

/** Where a rebuild or drift check is; stored in {@code projection_rebuilds.state} as {@link #wire()}. */
enum RunState {
    BUILDING, SWITCHING, COMPARING, SWITCHED, COMPARED, FAILED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Switched or compared: the run did what it was started for. */
    boolean done() {
        return this == SWITCHED || this == COMPARED;
    }

    boolean finished() {
        return done() || this == FAILED;
    }
}
