package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.List;

/**
 * Invite who the group's ledger does not hold and raise every member to moderator in the public room.
 * Each decision lists every outstanding invitation, so a newer one may replace a waiting one.
 */
public record InviteGroupMembers(GroupId groupId, String publicRoomId, List<GroupInvitation> invitations,
                                 List<String> publicModerators) implements HomeserverWork {

    public InviteGroupMembers {
        invitations = List.copyOf(invitations);
        publicModerators = List.copyOf(publicModerators);
    }

    @Override
    public String key() {
        return "group-invite:" + groupId;
    }
}
