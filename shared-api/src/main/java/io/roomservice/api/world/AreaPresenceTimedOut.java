package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/** No heartbeat of the person came within the presence timeout: they are taken out of the area as if they had left. */
public record AreaPresenceTimedOut(UserId person, WorldId worldId, WorldRoomId areaId, String matrixUserId, boolean kick, boolean moderator) {
}
