package io.roomservice.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a person's personal data for good (their key is deleted). Idempotent. */
public record ErasePersonalData(@TargetAggregateIdentifier UserId userId) {
}
