package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person may use their Matrix account again. */
@Revision("1")
public record MatrixAccessRestored(UserId userId, String matrixUserId) {
}
