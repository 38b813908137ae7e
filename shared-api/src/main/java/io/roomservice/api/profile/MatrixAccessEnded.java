package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person may no longer use their Matrix account through roomservice. */
@Revision("1")
public record MatrixAccessEnded(UserId userId, String matrixUserId) {
}
