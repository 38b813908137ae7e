package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

import java.time.Duration;

/** The person stepped into the area; {@code moderator} (power 50) when they carry the {@code admin} tag in the world; {@code matrixUserId} null while unknown. They stay until a leave or {@code timeout} without a heartbeat. */
public record AreaEntered(UserId person, WorldId worldId, WorldRoomId areaId, String matrixUserId, boolean moderator, Duration timeout) {
}
