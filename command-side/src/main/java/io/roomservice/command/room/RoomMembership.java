package io.roomservice.command.room;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.membership.LeaveRoomAsModerator;
import io.roomservice.api.membership.MemberSyncFinished;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.ModeratorLeaveRequested;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.membership.RecordMemberSync;
import io.roomservice.api.membership.RoomMembersChanged;
import io.roomservice.api.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The members' side of a {@link Room} (an entity of it): what member syncs and the homeserver did to the
 * members, and the staff and support who joined by hand as moderators. What needs the room's state (a
 * sync asked for, a moderator joining: active rooms only) the room decides itself.
 */
class RoomMembership {

    private final Set<UserId> moderators = new HashSet<>();
    private final Set<UserId> leftModerators = new HashSet<>();

    /** Whether the person joined as moderator (and has not left that way). */
    boolean isModerator(UserId userId) {
        return moderators.contains(userId);
    }

    /** Only someone who joined as moderator can leave that way; leaving twice changes nothing. */
    @CommandHandler
    public void handle(LeaveRoomAsModerator command) {
        if (!moderators.contains(command.userId())) {
            if (leftModerators.contains(command.userId())) {
                return;
            }
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, "not-a-moderator",
                    "You did not join this room as moderator.");
        }
        apply(new ModeratorLeaveRequested(command.roomId(), command.userId()));
    }

    /** What the homeserver did is recorded in any state: it happened (e.g. kicks while disabling). */
    @CommandHandler
    public void handle(RecordMemberChanges command) {
        if (!command.changes().isEmpty()) {
            apply(new RoomMembersChanged(command.roomId(), List.copyOf(command.changes())));
        }
    }

    /** A sync's end is recorded whatever the room's state now is, with what it did before it ended. */
    @CommandHandler
    public void handle(RecordMemberSync command) {
        if (!command.changes().isEmpty()) {
            apply(new RoomMembersChanged(command.roomId(), List.copyOf(command.changes())));
        }
        apply(new MemberSyncFinished(command.roomId(), command.directoryPosition(), command.failureReason()));
    }

    @EventSourcingHandler
    void on(ModeratorJoinRequested event) {
        moderators.add(event.userId());
        leftModerators.remove(event.userId());
    }

    @EventSourcingHandler
    void on(ModeratorLeaveRequested event) {
        moderators.remove(event.userId());
        leftModerators.add(event.userId());
    }
}
