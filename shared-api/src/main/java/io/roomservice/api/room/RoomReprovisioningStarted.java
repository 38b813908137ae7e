package io.roomservice.api.room;

import io.roomservice.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** The room is created again, e.g. on a new homeserver after a migration. */
@Revision("1")
public record RoomReprovisioningStarted(RoomId roomId, ProjectId projectId, String name, String previousMatrixRoomId) implements RoomEvent {
}
