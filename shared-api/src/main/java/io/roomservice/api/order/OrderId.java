package io.roomservice.api.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of an order of the host platform (the host's uuid); serialized as its bare UUID. */
public record OrderId(@JsonValue UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
