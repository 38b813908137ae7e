package io.roomservice.command.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;

import java.util.Optional;

/** The set-based rule "at most one room per project", checked before a room is created. */
public interface RoomsByProject {

    Optional<RoomId> roomOf(ProjectId projectId);
}
