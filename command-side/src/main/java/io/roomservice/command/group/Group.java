package io.roomservice.command.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.group.AddGroupMember;
import io.roomservice.api.group.AnnounceGroupContent;
import io.roomservice.api.group.ChangeGroupMemberMatrixId;
import io.roomservice.api.group.GroupAnnouncementDue;
import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupContentRecorded;
import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupInvitationWithdrawn;
import io.roomservice.api.group.GroupInvitationsDue;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberMatrixIdChanged;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupMembersInvited;
import io.roomservice.api.group.GroupRegistered;
import io.roomservice.api.group.GroupRejections;
import io.roomservice.api.group.GroupRoomDetailsDue;
import io.roomservice.api.group.GroupRoomsFailed;
import io.roomservice.api.group.GroupRoomsProvisioned;
import io.roomservice.api.group.GroupRoomsProvisioningRequested;
import io.roomservice.api.group.RecordGroupInvitations;
import io.roomservice.api.group.RecordGroupRoomsFailure;
import io.roomservice.api.group.RecordGroupRoomsProvisioned;
import io.roomservice.api.group.RegisterGroup;
import io.roomservice.api.group.ReinviteGroupMember;
import io.roomservice.api.group.ReprovisionGroupRooms;
import io.roomservice.api.group.RemoveGroupMember;
import io.roomservice.api.group.SyncGroup;
import io.roomservice.api.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group of the community platform with its public and private Matrix rooms, its members under their
 * Matrix ids, the {@link InvitationLedger} and the content it announced.
 * <p>
 * The ledger forgets a member's entries when they leave the group or change their Matrix id, and one
 * entry on a repair ({@link ReinviteGroupMember}). Every command the host may repeat is idempotent; each
 * answers whether it changed anything.
 */
@Aggregate
public class Group {

    @AggregateIdentifier
    private GroupId groupId;
    private String slug;
    private String name;
    private String url;
    private String publicRoomId;
    private String privateRoomId;
    private final Map<UserId, String> members = new LinkedHashMap<>();
    private final InvitationLedger ledger = new InvitationLedger();
    private final GroupContents contents = new GroupContents();
    private long invitationRounds;

    protected Group() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterGroup command) {
        if (groupId == null) {
            apply(new GroupRegistered(command.groupId(), command.slug(), command.name(), command.url()));
            return true;
        }
        if (!slug.equals(command.slug())) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, GroupRejections.SLUG_FIXED, "Group "
                    + groupId + " has the slug '" + slug + "'; its rooms' aliases are made of it, so it cannot change.");
        }
        if (name.equals(command.name()) && url.equals(command.url())) {
            return false;
        }
        apply(new GroupDetailsChanged(groupId, slug, command.name(), command.url(), publicRoomId, privateRoomId));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AddGroupMember command, GroupPeople people) {
        requireKnown(command.groupId());
        String matrixUserId = people.requireMatrixUserId(command.userId());
        String known = members.get(command.userId());
        if (matrixUserId.equals(known)) {
            return false;
        }
        if (known != null) {
            apply(new GroupMemberMatrixIdChanged(groupId, command.userId(), known, matrixUserId));
        } else {
            apply(new GroupMemberAdded(groupId, command.userId(), matrixUserId));
        }
        invite(false);
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RemoveGroupMember command) {
        requireKnown(command.groupId());
        String matrixUserId = members.get(command.userId());
        if (matrixUserId == null) {
            return false;
        }
        apply(new GroupMemberRemoved(groupId, command.userId(), matrixUserId, publicRoomId, privateRoomId));
        return true;
    }

    @CommandHandler
    public boolean handle(ChangeGroupMemberMatrixId command) {
        String known = members.get(command.userId());
        if (known == null || known.equals(command.matrixUserId())) {
            return false;
        }
        apply(new GroupMemberMatrixIdChanged(groupId, command.userId(), known, command.matrixUserId()));
        invite(false);
        return true;
    }

    /**
     * A rename while the rooms were being made reached no room (they had no ids yet), and one while a
     * provisioning ran was dropped by the work queue (the work with the group's key was running): the
     * report says which details the rooms got, and the group asks for its current ones if they differ.
     */
    @CommandHandler
    public void handle(RecordGroupRoomsProvisioned command) {
        boolean same = Objects.equals(publicRoomId, command.publicRoomId())
                && Objects.equals(privateRoomId, command.privateRoomId());
        if (!same) {
            List<GroupContent> unannounced = contents.waiting();
            apply(new GroupRoomsProvisioned(groupId, command.publicRoomId(), command.privateRoomId()));
            unannounced.forEach(content -> apply(new GroupAnnouncementDue(groupId, content, name,
                    publicRoomId, privateRoomId)));
        }
        boolean behind = command.name() != null
                && (!name.equals(command.name()) || !url.equals(command.url()));
        if (behind && hasRooms()) {
            apply(new GroupRoomDetailsDue(groupId, slug, name, url, publicRoomId, privateRoomId));
        }
        invite(false);
    }

    @CommandHandler
    public void handle(RecordGroupRoomsFailure command) {
        apply(new GroupRoomsFailed(groupId, command.reason()));
    }

    @CommandHandler
    public void handle(RecordGroupInvitations command) {
        List<GroupInvitation> wanted = command.invitations().stream()
                .filter(invitation -> !ledger.holds(invitation) && isWanted(invitation)).distinct().toList();
        if (!wanted.isEmpty()) {
            apply(new GroupMembersInvited(groupId, wanted));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AnnounceGroupContent command) {
        requireKnown(command.groupId());
        if (contents.knows(command.content().contentId())) {
            return false;
        }
        apply(new GroupContentRecorded(groupId, command.content()));
        if (hasRooms()) {
            apply(new GroupAnnouncementDue(groupId, command.content(), name, publicRoomId, privateRoomId));
        }
        return true;
    }

    @CommandHandler
    public boolean handle(SyncGroup command) {
        boolean asked = false;
        if (!hasRooms() || command.repairRooms()) {
            apply(new GroupRoomsProvisioningRequested(groupId, slug, name, url, publicRoomId, privateRoomId));
            asked = true;
        }
        return invite(command.raiseModerators()) || asked;
    }

    /** The rooms found again by their aliases, or made anew where none leads anywhere; the ledger follows the ids. */
    @CommandHandler
    public void handle(ReprovisionGroupRooms command) {
        apply(new GroupRoomsProvisioningRequested(groupId, slug, name, url, null, null));
    }

    @CommandHandler
    public boolean handle(ReinviteGroupMember command) {
        var invitation = new GroupInvitation(command.roomId(), command.matrixUserId());
        if (!ledger.holds(invitation)) {
            return false;
        }
        apply(new GroupInvitationWithdrawn(groupId, invitation));
        invite(false);
        return true;
    }

    /**
     * Asks for the invitations the ledger does not hold, with every member as moderator of the public room;
     * with {@code raiseModerators} also when nobody is due an invitation (a repair of power levels).
     */
    private boolean invite(boolean raiseModerators) {
        if (!hasRooms()) {
            return false;
        }
        List<GroupInvitation> due = ledger.due(members.values(), publicRoomId, privateRoomId);
        if (due.isEmpty() && !(raiseModerators && !members.isEmpty())) {
            return false;
        }
        apply(new GroupInvitationsDue(groupId, invitationRounds + 1, publicRoomId, privateRoomId, due,
                List.copyOf(members.values())));
        return true;
    }

    private boolean isWanted(GroupInvitation invitation) {
        return members.containsValue(invitation.matrixUserId())
                && (invitation.roomId().equals(publicRoomId) || invitation.roomId().equals(privateRoomId));
    }

    private boolean hasRooms() {
        return publicRoomId != null && privateRoomId != null;
    }

    private void requireKnown(GroupId requested) {
        if (groupId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, GroupRejections.UNKNOWN_GROUP,
                    "Group " + requested + " is not known; PUT /api/host/groups/" + requested + "/ first.");
        }
    }

    @EventSourcingHandler
    void on(GroupRegistered event) {
        groupId = event.groupId();
        slug = event.slug();
        name = event.name();
        url = event.url();
    }

    @EventSourcingHandler
    void on(GroupDetailsChanged event) {
        name = event.name();
        url = event.url();
    }

    @EventSourcingHandler
    void on(GroupMemberAdded event) {
        members.put(event.userId(), event.matrixUserId());
    }

    @EventSourcingHandler
    void on(GroupMemberRemoved event) {
        members.remove(event.userId());
        ledger.forget(event.matrixUserId());
    }

    @EventSourcingHandler
    void on(GroupMemberMatrixIdChanged event) {
        members.put(event.userId(), event.matrixUserId());
        ledger.forget(event.previousMatrixUserId());
    }

    @EventSourcingHandler
    void on(GroupRoomsProvisioned event) {
        publicRoomId = event.publicRoomId();
        privateRoomId = event.privateRoomId();
        contents.roomsMade();
        ledger.keepOnly(publicRoomId, privateRoomId);
    }

    @EventSourcingHandler
    void on(GroupInvitationsDue event) {
        invitationRounds = event.round();
    }

    @EventSourcingHandler
    void on(GroupMembersInvited event) {
        ledger.record(event.invitations());
    }

    @EventSourcingHandler
    void on(GroupInvitationWithdrawn event) {
        ledger.withdraw(event.invitation());
    }

    @EventSourcingHandler
    void on(GroupContentRecorded event) {
        contents.record(event.content(), hasRooms());
    }
}
