package io.roomservice.api.group;

import io.roomservice.api.user.UserId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A page of groups as their events say they are. */
public record GroupRoomsPage(List<GroupRoomsView> groups) {

    public GroupRoomsPage {
        groups = List.copyOf(groups);
    }

    /** One group: rooms null while it has none; members by person; the invitation ledger. */
    public record GroupRoomsView(GroupId groupId, String slug, String name, String url, String publicRoomId,
                                 String privateRoomId, Map<UserId, String> members, Set<GroupInvitation> ledger) {
    }
}
