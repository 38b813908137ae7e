package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links a person to their Matrix user id; refused for the bot's own id and for an id linked to someone else. Idempotent. */
public record CreateUserProfile(UserId userId, String matrixUserId, String botUserId) {

    @TargetAggregateIdentifier
    public String profileId() {
        return UserProfileIds.of(userId);
    }
}
