package io.roomservice.api.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RoomCreationRequested(RoomId roomId, ProjectId projectId, CustomerId customerId, String name) implements RoomEvent {
}
