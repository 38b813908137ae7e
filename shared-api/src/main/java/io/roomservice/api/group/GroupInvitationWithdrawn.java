package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** A ledger entry was dropped so that the member is invited again (a repair). */
@Revision("1")
public record GroupInvitationWithdrawn(GroupId groupId, GroupInvitation invitation) {
}
