package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links a person to their Matrix user id; refused for the bot's own id and for an id linked to someone else. Idempotent. */
public record CreateUserProfile(@TargetAggregateIdentifier UserId userId, String matrixUserId, String botUserId) {
}
