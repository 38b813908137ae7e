package io.roomservice.api.room;

import io.roomservice.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for a chat room for a project; the room takes the project's name. */
public record CreateRoom(@TargetAggregateIdentifier RoomId roomId, ProjectId projectId) {
}
