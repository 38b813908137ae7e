package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

import java.util.List;

/** The person's Matrix id is now {@code matrixUserId} ({@code previous} null the first time). Their Space invites and the areas they are in follow it. */
public record ChatIdLinked(UserId person, String previous, String matrixUserId, List<WorldId> worlds, List<AreaVisit> areas) {
}
