package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The invitation ledger grew by these: they are never invited again while they stay members under this id. */
@Revision("1")
public record GroupMembersInvited(GroupId groupId, List<GroupInvitation> invitations) {

    public GroupMembersInvited {
        invitations = List.copyOf(invitations);
    }
}
