package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The room takes its project's new name (sent by the system when the host renames the project). */
public record RenameRoom(@TargetAggregateIdentifier RoomId roomId, String name) {
}
