package io.roomservice.api.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import io.roomservice.api.room.RoomId;

import java.time.Instant;
import java.util.Locale;

/**
 * Where one planned room stands in a migration: {@code matrixRoomId} once migrated, {@code reason}
 * when it failed or was skipped, {@code at} when it last changed (null while it waits).
 */
public record RoomOutcome(RoomId roomId, Outcome outcome, String matrixRoomId, String reason, Instant at) {

    public enum Outcome {
        /** Planned, not started yet. */
        PENDING,
        /** Sent through provisioning; waiting for the homeserver. */
        IN_PROGRESS,
        MIGRATED,
        FAILED,
        SKIPPED,
        /** The migration was cancelled before this room was started. */
        NOT_STARTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
