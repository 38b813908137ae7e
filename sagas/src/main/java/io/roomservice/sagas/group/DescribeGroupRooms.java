package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * Give a group's existing rooms its current name and URL (names and topics), after a provisioning that
 * ran with older ones. Its own key, not the provisioning's: the provisioning that reported the old
 * details may still be running when this is submitted, and a submission under a running key is dropped.
 */
public record DescribeGroupRooms(GroupId groupId, String slug, String name, String url, String publicRoomId,
                                 String privateRoomId) implements HomeserverWork {

    /** One per group: a newer name replaces a waiting one. */
    @Override
    public String key() {
        return "group-room-details:" + groupId;
    }
}
