package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/** The person is no longer a member of the world. */
public record WorldMembershipEnded(UserId person, WorldId worldId, String matrixUserId) {
}
