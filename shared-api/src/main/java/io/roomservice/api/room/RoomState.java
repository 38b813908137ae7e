package io.roomservice.api.room;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The life of a room, as the specification names its states. */
public enum RoomState {
    CREATING, ACTIVE, DISABLING, ARCHIVED, ERROR, DELETED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RoomState fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("Unknown room state: " + name));
    }

    public static Optional<RoomState> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
