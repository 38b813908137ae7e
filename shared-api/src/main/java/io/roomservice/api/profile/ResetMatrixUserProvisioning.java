package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** After a move to a new homeserver: the account must be created again. Idempotent. */
public record ResetMatrixUserProvisioning(UserId userId) {

    @TargetAggregateIdentifier
    public String profileId() {
        return UserProfileIds.of(userId);
    }
}
