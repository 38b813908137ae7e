package io.roomservice.api.room;

import io.roomservice.api.project.ProjectId;

/** Lists rooms, newest first; a null filter does not filter. */
public record ListRooms(ProjectId projectId, RoomState state, int page, int size) {
}
