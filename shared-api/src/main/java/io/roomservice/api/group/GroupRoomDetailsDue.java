package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/**
 * The group's rooms were provisioned with a name or URL the group no longer has (it was renamed while
 * they were being made, and the rename could not reach rooms that had no ids yet): their names and
 * topics are to follow now.
 */
@Revision("1")
public record GroupRoomDetailsDue(GroupId groupId, String slug, String name, String url, String publicRoomId,
                                  String privateRoomId) {
}
