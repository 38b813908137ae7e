package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Matrix account exists on the homeserver (registered in the appservice namespace). Idempotent. */
public record RecordMatrixUserProvisioned(UserId userId) {

    @TargetAggregateIdentifier
    public String profileId() {
        return UserProfileIds.of(userId);
    }
}
