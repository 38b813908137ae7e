package io.roomservice.command.world;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRejections;
import io.roomservice.api.world.WorldRoomId;

import java.util.Optional;
import java.util.UUID;

/**
 * The command side's own view of worlds and their rooms ({@code cmd_world_places}), for decisions
 * about people (membership needs a known world, entering needs a known area) and for room ids that
 * must not name two things.
 */
public interface WorldPlaces {

    /** What a uuid names: a world (its own {@code worldId}) or a room of one. */
    record Place(WorldId worldId, Kind kind, boolean removed) {
    }

    enum Kind { WORLD, MAP, AREA }

    Optional<Place> find(UUID placeId);

    boolean defaultWorldExists();

    default void requireWorld(WorldId worldId) {
        var place = find(worldId.value());
        if (place.isEmpty() || place.get().kind() != Kind.WORLD) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_WORLD,
                    "World " + worldId + " is not known.");
        }
    }

    /** Refuses unless the room is an area of this world that was not deleted. */
    default void requireArea(WorldId worldId, WorldRoomId areaId) {
        requireWorld(worldId);
        var place = find(areaId.value()).filter(found -> found.worldId().equals(worldId) && found.kind() != Kind.WORLD);
        if (place.isEmpty() || place.get().removed()) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, WorldRejections.UNKNOWN_AREA,
                    "World " + worldId + " has no area " + areaId + ".");
        }
        if (place.get().kind() != Kind.AREA) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, WorldRejections.NOT_AN_AREA,
                    "Room " + areaId + " is a map room, not an area.");
        }
    }
}
