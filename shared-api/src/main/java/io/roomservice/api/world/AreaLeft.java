package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/** The person stepped out of the area; {@code kick} false when nothing is to be done on the homeserver (no Matrix id, or another person present there has the same one); {@code moderator}: their power 50 goes with the kick. */
public record AreaLeft(UserId person, WorldId worldId, WorldRoomId areaId, String matrixUserId, boolean kick, boolean moderator) {
}
