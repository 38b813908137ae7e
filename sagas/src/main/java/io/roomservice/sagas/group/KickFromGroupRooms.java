package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.List;

/** Kick a former member's Matrix id from the group's rooms (an invitation is revoked the same way). */
public record KickFromGroupRooms(GroupId groupId, String matrixUserId, List<String> roomIds, String reason)
        implements HomeserverWork {

    public KickFromGroupRooms {
        roomIds = List.copyOf(roomIds);
    }

    @Override
    public String key() {
        return "group-kick:" + groupId + ":" + matrixUserId;
    }
}
