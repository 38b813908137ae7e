package io.roomservice.api.room;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a room; serialized as its bare UUID. */
public record RoomId(@JsonValue UUID value) {

    public RoomId {
        Objects.requireNonNull(value, "room id");
    }

    @JsonCreator
    public static RoomId of(String value) {
        return new RoomId(UUID.fromString(value));
    }

    public static RoomId random() {
        return new RoomId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
