package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The homeserver work found or created both rooms and configured them with this name and URL (the
 * group's details when the work was decided; null when not said): if the group's details changed
 * while the work ran, the group asks for its rooms to follow.
 */
public record RecordGroupRoomsProvisioned(@TargetAggregateIdentifier GroupId groupId, String publicRoomId,
                                          String privateRoomId, String name, String url) {
}
