package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disabling finished: members are out and history is exported where enabled. */
public record ArchiveRoom(@TargetAggregateIdentifier RoomId roomId) {
}
