package io.roomservice.api.migration;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Running and paused migrations are unfinished: at most one of them exists at a time. */
public enum MigrationState {
    RUNNING, PAUSED, CANCELLED, COMPLETED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == CANCELLED || this == COMPLETED;
    }
}
