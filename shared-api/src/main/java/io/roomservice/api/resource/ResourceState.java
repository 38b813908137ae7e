package io.roomservice.api.resource;

import java.util.Locale;
import java.util.Optional;

/** A resource's state on the host platform. A resource may move between any two states. */
public enum ResourceState {
    CREATING, OK, UPDATING, ERRED, TERMINATING, TERMINATED;

    /** The name in JSON: {@code creating}, {@code ok}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResourceState> fromWireName(String name) {
        for (ResourceState state : values()) {
            if (state.wireName().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
