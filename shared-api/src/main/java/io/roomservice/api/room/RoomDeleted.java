package io.roomservice.api.room;

import io.roomservice.api.project.ProjectId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomDeleted(RoomId roomId, ProjectId projectId) implements RoomEvent {
}
