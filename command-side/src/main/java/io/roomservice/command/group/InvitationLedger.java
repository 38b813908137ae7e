package io.roomservice.command.group;

import io.roomservice.api.group.GroupInvitation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group's invitation ledger: which Matrix id was invited to which of its rooms. It is why a member is
 * invited once: who declined or left is not invited again by any later sync (the original's hourly
 * re-invite bug). Part of the {@link Group}'s state, changed only by its event sourcing handlers.
 */
final class InvitationLedger {

    private final Set<GroupInvitation> entries = new HashSet<>();

    boolean holds(GroupInvitation invitation) {
        return entries.contains(invitation);
    }

    /** The invitations to both rooms that these Matrix ids are due: those the ledger does not hold. */
    List<GroupInvitation> due(Collection<String> matrixUserIds, String publicRoomId, String privateRoomId) {
        List<GroupInvitation> due = new ArrayList<>();
        for (String matrixUserId : matrixUserIds) {
            for (String room : List.of(publicRoomId, privateRoomId)) {
                var invitation = new GroupInvitation(room, matrixUserId);
                if (!entries.contains(invitation)) {
                    due.add(invitation);
                }
            }
        }
        return due;
    }

    void record(Collection<GroupInvitation> invitations) {
        entries.addAll(invitations);
    }

    void withdraw(GroupInvitation invitation) {
        entries.remove(invitation);
    }

    /** A member who left, or changed their Matrix id, is invited afresh under the id they have next. */
    void forget(String matrixUserId) {
        entries.removeIf(invitation -> invitation.matrixUserId().equals(matrixUserId));
    }

    /** Rooms made anew: the invitations to the rooms they replace no longer count. */
    void keepOnly(String publicRoomId, String privateRoomId) {
        entries.removeIf(invitation -> !invitation.roomId().equals(publicRoomId)
                && !invitation.roomId().equals(privateRoomId));
    }
}
