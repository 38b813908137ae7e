package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.sagas.work.HomeserverWork;

/** Find or create and configure a group's two rooms; known room ids are kept (a repair re-sets their aliases). */
public record ProvisionGroupRooms(GroupId groupId, String slug, String name, String url, String publicRoomId,
                                  String privateRoomId) implements HomeserverWork {

    /** One per group: a newer name replaces a waiting round. */
    @Override
    public String key() {
        return "group-rooms:" + groupId;
    }
}
