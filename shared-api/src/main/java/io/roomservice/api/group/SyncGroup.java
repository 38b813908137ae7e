package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bring the group's rooms in line with what it recorded: provision them when it has none, configure
 * them again when {@code repairRooms}, invite whoever the ledger does not hold, and raise every member
 * to moderator of the public room again when {@code raiseModerators}. Answers whether anything was asked for.
 */
public record SyncGroup(@TargetAggregateIdentifier GroupId groupId, boolean repairRooms, boolean raiseModerators) {
}
