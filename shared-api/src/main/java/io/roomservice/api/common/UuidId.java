package io.roomservice.api.common;

import java.util.UUID;

/** Typed ids are records around a UUID; their string form is the plain UUID (it is the aggregate id). */
public interface UuidId {

    UUID value();

    static UUID parse(String text) {
        return UUID.fromString(text);
    }
}
