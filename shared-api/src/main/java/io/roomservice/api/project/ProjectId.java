package io.roomservice.api.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of a project; serialized as its bare UUID. */
public record ProjectId(@JsonValue UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "project id");
    }

    @JsonCreator
    public static ProjectId of(String value) {
        return new ProjectId(UUID.fromString(value));
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
