package io.roomservice.sagas.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.WorldId;

/** Invite a member's Matrix id to the world's Space ({@code member}), or kick it from there. */
public record SpaceMembership(UserId person, long sequence, int index, WorldId worldId, String matrixUserId, boolean member) implements PersonWork {
}
