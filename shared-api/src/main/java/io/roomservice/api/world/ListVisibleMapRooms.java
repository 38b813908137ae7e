package io.roomservice.api.world;

import io.roomservice.api.user.UserId;

/** Answers {@link VisibleMapRooms}: the map rooms of the world the person may see (those without tags, and those sharing a tag with the person's tags in the world). */
public record ListVisibleMapRooms(WorldId worldId, UserId person) {
}
