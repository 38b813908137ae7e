package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** The group has its public and private Matrix rooms (new ones, or moved ones after a repair). */
@Revision("1")
public record GroupRoomsProvisioned(GroupId groupId, String publicRoomId, String privateRoomId) {
}
