package io.roomservice.command.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.command.project.KnownProject;

import java.util.Optional;

/**
 * The set-based rule "at most one room per project", decided where a room is created: the project's
 * one place for a room is claimed in the creating command's transaction, so the claim and the room's
 * first event commit or roll back together, and of two racing requests exactly one gets the claim.
 */
@FunctionalInterface
public interface RoomsByProject {

    /**
     * Claims the project's room for {@code roomId} if the project is known, not deleted and has no
     * room yet; otherwise claims nothing.
     */
    RoomClaim claim(ProjectId projectId, RoomId roomId);

    /**
     * The project as the command side knows it (empty if never registered), and whether the room
     * got the project's place: false for an unknown or deleted project, or one that has a room.
     */
    record RoomClaim(Optional<KnownProject> project, boolean claimed) {
    }
}
