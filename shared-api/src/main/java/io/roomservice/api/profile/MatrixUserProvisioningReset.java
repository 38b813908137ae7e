package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The account is to be created again on the (new) homeserver. */
@Revision("1")
public record MatrixUserProvisioningReset(UserId userId) {
}
