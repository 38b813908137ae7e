package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The room's Matrix room has an alias or name other than the room's events say (changed behind
 * roomservice's back): set them again. Sent by the reconciliation.
 */
public record RepairRoomState(@TargetAggregateIdentifier RoomId roomId) {
}
