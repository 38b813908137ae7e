package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupAnnouncementDue;
import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupInvitationsDue;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupRegistered;
import io.roomservice.api.group.GroupRoomDetailsDue;
import io.roomservice.api.group.GroupRoomsProvisioningRequested;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;
import java.util.Objects;

/**
 * Turns the groups' decisions into homeserver work, in the transaction that moves this processor past
 * the deciding event: each piece of work is submitted once, and a replay submits nothing. The Group
 * aggregate decides everything (who is due an invitation, what to announce where); this only hands it on.
 */
@ProcessingGroup(GroupRoomsReactor.PROCESSING_GROUP)
@DisallowReplay
public class GroupRoomsReactor {

    public static final String PROCESSING_GROUP = "group-rooms";

    static final String LEFT_THE_GROUP = "Left the group";

    @EventHandler
    void on(GroupRegistered event, HomeserverWorkQueue work) {
        work.submit(new ProvisionGroupRooms(event.groupId(), event.slug(), event.name(), event.url(), null, null));
    }

    @EventHandler
    void on(GroupRoomsProvisioningRequested event, HomeserverWorkQueue work) {
        work.submit(new ProvisionGroupRooms(event.groupId(), event.slug(), event.name(), event.url(),
                event.publicRoomId(), event.privateRoomId()));
    }

    @EventHandler
    void on(GroupDetailsChanged event, HomeserverWorkQueue work) {
        work.submit(new ProvisionGroupRooms(event.groupId(), event.slug(), event.name(), event.url(),
                event.publicRoomId(), event.privateRoomId()));
    }

    @EventHandler
    void on(GroupRoomDetailsDue event, HomeserverWorkQueue work) {
        work.submit(new DescribeGroupRooms(event.groupId(), event.slug(), event.name(), event.url(),
                event.publicRoomId(), event.privateRoomId()));
    }

    @EventHandler
    void on(GroupInvitationsDue event, HomeserverWorkQueue work) {
        work.submit(new InviteGroupMembers(event.groupId(), event.round(), event.publicRoomId(), event.invitations(),
                event.publicModerators()));
    }

    @EventHandler
    void on(GroupMemberRemoved event, HomeserverWorkQueue work) {
        List<String> rooms = java.util.stream.Stream.of(event.publicRoomId(), event.privateRoomId())
                .filter(Objects::nonNull).toList();
        if (!rooms.isEmpty()) {
            work.submit(new KickFromGroupRooms(event.groupId(), event.matrixUserId(), rooms, LEFT_THE_GROUP));
        }
    }

    @EventHandler
    void on(GroupAnnouncementDue event, HomeserverWorkQueue work) {
        work.submit(new PostGroupAnnouncement(event.groupId(), event.content(), event.groupName(),
                event.publicRoomId(), event.privateRoomId()));
    }
}
