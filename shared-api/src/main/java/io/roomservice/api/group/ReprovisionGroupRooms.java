package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff make the group's rooms again from their aliases, forgetting the room ids recorded: a room the
 * homeserver no longer has (purged) is made anew and the members are invited to it; a room its alias
 * still leads to is kept.
 */
public record ReprovisionGroupRooms(@TargetAggregateIdentifier GroupId groupId) {
}
