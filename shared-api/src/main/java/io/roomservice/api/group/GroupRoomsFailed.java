package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** Provisioning the group's rooms gave up, with the reason. */
@Revision("1")
public record GroupRoomsFailed(GroupId groupId, String reason) {
}
