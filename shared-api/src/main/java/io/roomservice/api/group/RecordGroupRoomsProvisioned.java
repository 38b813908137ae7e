package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The homeserver work found or created both rooms and configured them. */
public record RecordGroupRoomsProvisioned(@TargetAggregateIdentifier GroupId groupId, String publicRoomId,
                                          String privateRoomId) {
}
