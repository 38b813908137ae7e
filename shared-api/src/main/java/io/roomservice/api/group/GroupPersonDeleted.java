package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person was deleted on the host: they leave every group room. */
@Revision("1")
public record GroupPersonDeleted(UserId userId, String matrixUserId) {
}
