package io.roomservice.api.migration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The id of one homeserver migration; serialized as its bare UUID. */
public record MigrationId(@JsonValue UUID value) {

    public MigrationId {
        Objects.requireNonNull(value, "migration id");
    }

    @JsonCreator
    public static MigrationId of(String value) {
        return new MigrationId(UUID.fromString(value));
    }

    public static MigrationId random() {
        return new MigrationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
