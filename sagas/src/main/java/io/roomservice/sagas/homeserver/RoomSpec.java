package io.roomservice.sagas.homeserver;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;

/** What the homeserver needs to create a project's room. */
public record RoomSpec(RoomId roomId, ProjectId projectId, String name) {
}
