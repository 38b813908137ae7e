package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupContent;
import io.roomservice.api.group.GroupId;
import io.roomservice.sagas.work.HomeserverWork;

/** Announce one piece of content in the rooms its visibility routes it to. */
public record PostGroupAnnouncement(GroupId groupId, GroupContent content, String groupName, String publicRoomId,
                                    String privateRoomId) implements HomeserverWork {

    @Override
    public String key() {
        return "group-announce:" + groupId + ":" + content.contentId();
    }
}
