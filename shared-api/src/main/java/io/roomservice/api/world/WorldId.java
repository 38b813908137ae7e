package io.roomservice.api.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a world of the virtual office (the host's uuid); serialized as its bare UUID. */
public record WorldId(@JsonValue UUID value) {

    public WorldId {
        Objects.requireNonNull(value, "world id");
    }

    @JsonCreator
    public static WorldId of(String value) {
        return new WorldId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
