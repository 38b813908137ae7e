package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** The person joined the group, under this Matrix id. */
@Revision("1")
public record GroupMemberAdded(GroupId groupId, UserId userId, String matrixUserId) {
}
