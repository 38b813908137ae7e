package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** After a move to a new homeserver: the account must be created again. Idempotent. */
public record ResetMatrixUserProvisioning(@TargetAggregateIdentifier UserId userId) {
}
