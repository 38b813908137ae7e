package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/**
 * The group's rooms are to be found or created (again, after a failure) or configured again (a repair:
 * aliases, names, topics, directory listing, power levels); the room ids are null while it has none.
 */
@Revision("1")
public record GroupRoomsProvisioningRequested(GroupId groupId, String slug, String name, String url,
                                              String publicRoomId, String privateRoomId) {
}
