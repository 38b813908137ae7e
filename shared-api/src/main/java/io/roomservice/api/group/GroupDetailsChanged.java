package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** The group's name or URL changed; its rooms' names and topics follow (room ids null while it has none). */
@Revision("1")
public record GroupDetailsChanged(GroupId groupId, String slug, String name, String url, String publicRoomId,
                                  String privateRoomId) {
}
