package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.RecordGroupInvitations;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Invites and raises, then records the invitations in the group's ledger. A person the homeserver
 * refuses for good (an unknown external id) is skipped and tried again by the next sync; a transient
 * failure records what was done so far before the work is retried, so nobody is invited twice.
 */
public class InviteGroupMembersHandler implements HomeserverWorkHandler<InviteGroupMembers> {

    private static final Logger log = LoggerFactory.getLogger(InviteGroupMembersHandler.class);

    /** How long a round waits for an earlier one of its group to finish. */
    static final Duration EARLIER_ROUND_WAIT = Duration.ofMillis(200);

    private final GroupHomeserver homeserver;
    private final CommandGateway commands;
    private final HomeserverWorkQueue queue;

    public InviteGroupMembersHandler(GroupHomeserver homeserver, CommandGateway commands, HomeserverWorkQueue queue) {
        this.homeserver = homeserver;
        this.commands = commands;
        this.queue = queue;
    }

    @Override
    public Class<InviteGroupMembers> workType() {
        return InviteGroupMembers.class;
    }

    @Override
    public WorkResult run(InviteGroupMembers work) {
        if (queue.hasWaitingBefore(InviteGroupMembers.keyPrefix(work.groupId()), work.key())) {
            return WorkResult.runAgainAfter(EARLIER_ROUND_WAIT);
        }
        List<GroupInvitation> invited = new ArrayList<>();
        try {
            for (GroupInvitation invitation : work.invitations()) {
                try {
                    homeserver.invite(invitation.roomId(), invitation.matrixUserId());
                    invited.add(invitation);
                } catch (HomeserverException failure) {
                    if (failure.isTransient()) {
                        throw failure;
                    }
                    log.warn("Group {}: {} could not be invited to {}: {}", work.groupId(),
                            invitation.matrixUserId(), invitation.roomId(), failure.getMessage());
                }
            }
            homeserver.raiseToModerator(work.publicRoomId(), work.publicModerators());
        } finally {
            if (!invited.isEmpty()) {
                Reports.report(commands, new RecordGroupInvitations(work.groupId(), invited));
            }
        }
        return WorkResult.done();
    }

    @Override
    public void gaveUp(InviteGroupMembers work, HomeserverException failure, int attemptsMade) {
        log.warn("Group {}: invitations given up after {} attempt(s), the next sync asks again: {}", work.groupId(),
                attemptsMade, failure.getMessage());
    }
}
