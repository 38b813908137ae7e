package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.List;

/**
 * Invite who the group's ledger does not hold and raise every member to moderator in the public room:
 * one round of the group's invitations. Each round has a key of its own (a submission under the key of
 * running work would be dropped), and a round runs only once no earlier one waits or runs.
 */
public record InviteGroupMembers(GroupId groupId, long round, String publicRoomId, List<GroupInvitation> invitations,
                                 List<String> publicModerators) implements HomeserverWork {

    public InviteGroupMembers {
        invitations = List.copyOf(invitations);
        publicModerators = List.copyOf(publicModerators);
    }

    @Override
    public String key() {
        return keyPrefix(groupId) + String.format("%019d", round);
    }

    static String keyPrefix(GroupId groupId) {
        return "group-invite:" + groupId + ":";
    }
}
