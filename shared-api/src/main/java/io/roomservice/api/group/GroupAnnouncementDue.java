package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/**
 * Content to announce now: public content in both rooms and the listener rooms, internal content in
 * the private room only.
 */
@Revision("1")
public record GroupAnnouncementDue(GroupId groupId, GroupContent content, String groupName, String publicRoomId,
                                   String privateRoomId) {
}
