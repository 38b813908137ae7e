package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person is linked to this Matrix user id for good. */
@Revision("1")
public record UserProfileCreated(UserId userId, String matrixUserId) {
}
