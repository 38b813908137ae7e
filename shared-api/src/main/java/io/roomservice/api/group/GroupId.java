package io.roomservice.api.group;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a group of the community platform (the host's uuid); serialized as its bare UUID. */
public record GroupId(@JsonValue UUID value) {

    public GroupId {
        Objects.requireNonNull(value, "group id");
    }

    @JsonCreator
    public static GroupId of(String value) {
        return new GroupId(UUID.fromString(value));
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
