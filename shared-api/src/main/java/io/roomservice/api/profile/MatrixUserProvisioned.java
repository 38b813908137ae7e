package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The Matrix account exists on the homeserver. */
@Revision("1")
public record MatrixUserProvisioned(UserId userId, String matrixUserId) {
}
