package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person uses another Matrix id from now on: their groups invite the new one and forget the old one's invitations. */
@Revision("1")
public record GroupPersonMatrixIdChanged(UserId userId, String previousMatrixUserId, String matrixUserId,
                                         boolean external) {
}
