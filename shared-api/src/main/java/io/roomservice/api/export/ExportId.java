package io.roomservice.api.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The id of a history export; serialized as its bare UUID. */
public record ExportId(@JsonValue UUID value) {

    public ExportId {
        Objects.requireNonNull(value, "export id");
    }

    @JsonCreator
    public static ExportId of(String value) {
        return new ExportId(UUID.fromString(value));
    }

    public static ExportId random() {
        return new ExportId(UUID.randomUUID());
    }

    /**
     * The same id for the same name: a periodic run names each room's export by room and day, so a run
     * repeated after a crash (or on a second node) asks for an export that already exists and is refused.
     */
    public static ExportId named(String name) {
        return new ExportId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
