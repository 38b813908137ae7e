package io.roomservice.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a person's access: removed from every room, Matrix sessions ended. Idempotent. */
public record DeactivateUser(@TargetAggregateIdentifier UserId userId) {
}
