package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person was deactivated: sign them out and keep them out of rooms. Idempotent. */
public record EndMatrixAccess(UserId userId) {

    @TargetAggregateIdentifier
    public String profileId() {
        return UserProfileIds.of(userId);
    }
}
