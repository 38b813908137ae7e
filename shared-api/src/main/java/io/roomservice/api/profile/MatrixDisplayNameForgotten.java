package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The homeserver is to show the person by their Matrix id's localpart instead of their full name. */
@Revision("1")
public record MatrixDisplayNameForgotten(UserId userId, String matrixUserId) {
}
