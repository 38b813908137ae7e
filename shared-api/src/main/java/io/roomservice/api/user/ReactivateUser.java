package io.roomservice.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a deactivated person their access back. Idempotent. */
public record ReactivateUser(@TargetAggregateIdentifier UserId userId) {
}
