package io.roomservice.api.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a customer; serialized as its bare UUID. */
public record CustomerId(@JsonValue UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(UUID.fromString(value));
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
