package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** A member uses another Matrix id: the old id's invitations are forgotten, the new id is invited. */
@Revision("1")
public record GroupMemberMatrixIdChanged(GroupId groupId, UserId userId, String previousMatrixUserId,
                                         String matrixUserId) {
}
