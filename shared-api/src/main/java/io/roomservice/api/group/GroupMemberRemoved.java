package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/**
 * The person left the group: they are kicked from both rooms (when the group has them; null otherwise)
 * and their invitations are forgotten.
 */
@Revision("1")
public record GroupMemberRemoved(GroupId groupId, UserId userId, String matrixUserId, String publicRoomId,
                                 String privateRoomId) {
}
