package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

import java.time.Duration;
import java.util.List;

/** A heartbeat: the person stays in these areas of the world for another {@code timeout}. */
public record PresenceRenewed(UserId person, WorldId worldId, List<WorldRoomId> areas, Duration timeout) {
}
