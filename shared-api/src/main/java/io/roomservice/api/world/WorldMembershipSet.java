package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

import java.util.List;

/** The person is a member of the world with these tags; {@code matrixUserId} null while unknown. */
public record WorldMembershipSet(UserId person, WorldId worldId, List<String> tags, String matrixUserId) {
}
