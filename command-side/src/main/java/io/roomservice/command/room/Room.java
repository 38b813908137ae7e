package io.roomservice.command.room;

import io.roomservice.api.membership.JoinRoomAsModerator;
import io.roomservice.api.membership.MemberSyncRequested;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.RequestMemberSync;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.ArchiveRoom;
import io.roomservice.api.room.CreateRoom;
import io.roomservice.api.room.DeleteRoom;
import io.roomservice.api.room.DisableRoom;
import io.roomservice.api.room.ReactivateRoom;
import io.roomservice.api.room.RecordMembersRemoved;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RenameRoom;
import io.roomservice.api.room.RepairRoomState;
import io.roomservice.api.room.ReprovisionRoom;
import io.roomservice.api.room.RetryRoom;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomStateRepairRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static io.roomservice.api.room.RoomRejections.projectAlreadyHasRoom;
import static io.roomservice.api.room.RoomRejections.unknownProject;
import static io.roomservice.api.room.RoomRejections.wrongState;
import static io.roomservice.api.room.RoomState.ACTIVE;
import static io.roomservice.api.room.RoomState.ARCHIVED;
import static io.roomservice.api.room.RoomState.CREATING;
import static io.roomservice.api.room.RoomState.DISABLING;
import static io.roomservice.api.room.RoomState.ERROR;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * The chat room of one project and its life: creating, active, disabling, archived, error.
 * Decides every transition; the homeserver work is done by sagas that report back as commands. What the
 * syncs did to its members, and who joined as moderator by hand, the entity {@link RoomMembership} keeps.
 */
@Aggregate(cache = "aggregateCache")
public class Room {

    private static final Set<RoomState> RETRYABLE = EnumSet.of(ERROR, CREATING, DISABLING);
    private static final Set<RoomState> DISABLEABLE = EnumSet.of(ACTIVE, ERROR);
    private static final Set<RoomState> DELETABLE = EnumSet.of(ERROR, CREATING, ARCHIVED);

    @AggregateIdentifier
    private RoomId roomId;
    private ProjectId projectId;
    private String name;
    private RoomState state;
    private String matrixRoomId;
    private String alias;
    private String failureReason;
    private RoomState failedIn;
    /** The room's disablings so far; the current one's number names its steps. */
    private int disablings;
    private String disablingReason;
    /** The disabling's own choice, kept for its retries: history asked to be deleted is never exported. */
    private boolean deleteHistory;
    private boolean membersRemoved;
    @AggregateMember
    private final RoomMembership membership = new RoomMembership();

    protected Room() {
        // for Axon
    }

    @CommandHandler
    public Room(CreateRoom command, RoomsByProject rooms) {
        var claim = rooms.claim(command.projectId(), command.roomId());
        var project = claim.project()
                .filter(p -> !p.deleted())
                .orElseThrow(() -> unknownProject(command.projectId()));
        if (!claim.claimed()) {
            throw projectAlreadyHasRoom(command.projectId());
        }
        apply(new RoomCreationRequested(command.roomId(), project.projectId(), project.customerId(), project.name()));
    }

    @CommandHandler
    public void handle(RecordRoomProvisioned command) {
        if (state == ACTIVE && Objects.equals(matrixRoomId, command.matrixRoomId())) {
            return; // the saga may report the same outcome twice after a restart
        }
        if (state != CREATING) {
            throw wrongState("Only rooms in creating state can become active; this room is " + state.wireName() + ".");
        }
        apply(new RoomActivated(roomId, command.matrixRoomId(), command.alias()));
    }

    @CommandHandler
    public void handle(RecordRoomFailure command) {
        if (state != ERROR || !Objects.equals(failureReason, command.reason())) {
            apply(new RoomFailed(roomId, state, command.reason()));
        }
    }

    @CommandHandler
    public void handle(RetryRoom command) {
        if (!RETRYABLE.contains(state)) {
            throw wrongState("Only rooms in error, creating or disabling state can be retried.");
        }
        if (state == DISABLING || (state == ERROR && failedIn == DISABLING)) {
            apply(new RoomDisablingRetried(roomId, disablingReason, matrixRoomId, disablings, deleteHistory));
        } else {
            apply(new RoomProvisioningRetried(roomId, projectId, name));
        }
    }

    @CommandHandler
    public void handle(DisableRoom command) {
        if (!DISABLEABLE.contains(state)) {
            throw wrongState("Cannot disable room in state " + state.wireName() + ".");
        }
        apply(new RoomDisablingStarted(roomId, command.deleteHistory(), command.reason(), matrixRoomId,
                disablings + 1));
    }

    /** The Matrix room of the current disabling is empty; a report of an earlier one has no use. */
    @CommandHandler
    public void handle(RecordMembersRemoved command) {
        if (state != DISABLING || command.disabling() != disablings) {
            throw wrongState("The room is not in the disabling this report is about.");
        }
        if (!membersRemoved) {
            apply(new RoomMembersRemoved(roomId, disablings));
        }
    }

    @CommandHandler
    public void handle(ArchiveRoom command) {
        if (state == ARCHIVED) {
            return;
        }
        if (state != DISABLING) {
            throw wrongState("Only rooms in disabling state can be archived.");
        }
        apply(new RoomArchived(roomId));
    }

    @CommandHandler
    public void handle(ReactivateRoom command) {
        if (state != ARCHIVED) {
            throw wrongState("Only archived rooms can be reactivated.");
        }
        apply(new RoomReactivated(roomId, matrixRoomId));
    }

    @CommandHandler
    public void handle(DeleteRoom command) {
        if (!DELETABLE.contains(state)) {
            throw wrongState("Only rooms in error, creating or archived state can be deleted.");
        }
        apply(new RoomDeleted(roomId, projectId));
    }

    @CommandHandler
    public void handle(ReprovisionRoom command) {
        if (state != ACTIVE) {
            throw wrongState("Only active rooms can be reprovisioned.");
        }
        apply(new RoomReprovisioningStarted(roomId, projectId, name, matrixRoomId));
    }

    /** A room in any state follows its project's name; the same name again records nothing. */
    @CommandHandler
    public void handle(RenameRoom command) {
        if (!Objects.equals(name, command.name())) {
            apply(new RoomRenamed(roomId, command.name()));
        }
    }

    /** Only an active room has a Matrix room to set right; anything else is refused (409). */
    @CommandHandler
    public void handle(RepairRoomState command) {
        if (state != ACTIVE) {
            throw wrongState("Only active rooms can be repaired.");
        }
        apply(new RoomStateRepairRequested(roomId, matrixRoomId, alias, name));
    }

    /** Only an active room has members to bring in step; anything else is refused (409). */
    @CommandHandler
    public void handle(RequestMemberSync command) {
        if (state != ACTIVE) {
            throw wrongState("Members can only be synced in an active room.");
        }
        apply(new MemberSyncRequested(roomId));
    }

    /** Moderators join active rooms only; joining twice changes nothing. */
    @CommandHandler
    public void handle(JoinRoomAsModerator command) {
        if (state != ACTIVE) {
            throw wrongState("Only active rooms can be joined.");
        }
        if (!membership.isModerator(command.userId())) {
            apply(new ModeratorJoinRequested(roomId, command.userId()));
        }
    }

    @EventSourcingHandler
    void on(RoomCreationRequested event) {
        roomId = event.roomId();
        projectId = event.projectId();
        name = event.name();
        state = CREATING;
    }

    @EventSourcingHandler
    void on(RoomRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(RoomActivated event) {
        state = ACTIVE;
        matrixRoomId = event.matrixRoomId();
        alias = event.alias();
        failureReason = null;
    }

    @EventSourcingHandler
    void on(RoomFailed event) {
        state = ERROR;
        failedIn = event.failedIn();
        failureReason = event.reason();
    }

    @EventSourcingHandler
    void on(RoomProvisioningRetried event) {
        state = CREATING;
        failureReason = null;
    }

    @EventSourcingHandler
    void on(RoomDisablingStarted event) {
        state = DISABLING;
        disablings = Math.max(event.disabling(), disablings + 1);
        disablingReason = event.reason();
        deleteHistory = event.deleteHistory();
        membersRemoved = false;
    }

    @EventSourcingHandler
    void on(RoomDisablingRetried event) {
        state = DISABLING;
        failureReason = null;
        membersRemoved = false; // the steps after the kicks (the export, the archive) wait for this report again
    }

    @EventSourcingHandler
    void on(RoomMembersRemoved event) {
        membersRemoved = true;
    }

    @EventSourcingHandler
    void on(RoomArchived event) {
        state = ARCHIVED;
    }

    @EventSourcingHandler
    void on(RoomReactivated event) {
        state = ACTIVE;
    }

    @EventSourcingHandler
    void on(RoomReprovisioningStarted event) {
        state = CREATING;
    }

    @EventSourcingHandler
    void on(RoomDeleted event) {
        state = RoomState.DELETED;
        markDeleted();
    }
}
