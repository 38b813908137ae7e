package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Re-queues provisioning (error, creating) or disabling (disabling) of a stuck room. */
public record RetryRoom(@TargetAggregateIdentifier RoomId roomId) {
}
