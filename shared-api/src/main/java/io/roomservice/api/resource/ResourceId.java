package io.roomservice.api.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a resource of the host platform (the host's uuid); serialized as its bare UUID. */
public record ResourceId(@JsonValue UUID value) {

    public ResourceId {
        Objects.requireNonNull(value, "resource id");
    }

    @JsonCreator
    public static ResourceId of(String value) {
        return new ResourceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
