package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person's data was erased: their Matrix display name, made from their full name, goes too. Idempotent. */
public record ForgetMatrixDisplayName(UserId userId) {

    @TargetAggregateIdentifier
    public String profileId() {
        return UserProfileIds.of(userId);
    }
}
