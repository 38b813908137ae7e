package io.roomservice.api.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a map or area room of a world (the host's uuid); serialized as its bare UUID. */
public record WorldRoomId(@JsonValue UUID value) {

    public WorldRoomId {
        Objects.requireNonNull(value, "world room id");
    }

    @JsonCreator
    public static WorldRoomId of(String value) {
        return new WorldRoomId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
