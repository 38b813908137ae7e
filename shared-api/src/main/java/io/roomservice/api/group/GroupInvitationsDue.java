package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The group decided who must be invited (never one its ledger holds) and who must be a moderator (50)
 * of its public room: every member. The homeserver work invites and raises, and reports the invitations.
 * Rounds are numbered per group, and run one after the other in that order.
 */
@Revision("1")
public record GroupInvitationsDue(GroupId groupId, long round, String publicRoomId, String privateRoomId,
                                  List<GroupInvitation> invitations, List<String> publicModerators) {

    public GroupInvitationsDue {
        invitations = List.copyOf(invitations);
        publicModerators = List.copyOf(publicModerators);
    }
}
