package io.roomservice.command.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.command.project.KnownProject;

import java.util.Optional;

/**
 * What creating a room must know, in one look-up: the project the room would belong to, and the room
 * it already has (the set-based rule "at most one room per project", checked before a room is created).
 */
@FunctionalInterface
public interface RoomsByProject {

    NewRoomCheck newRoomFor(ProjectId projectId);

    /** The project as the command side knows it (empty if never registered) and its room, if any. */
    record NewRoomCheck(Optional<KnownProject> project, Optional<RoomId> existingRoom) {
    }
}
