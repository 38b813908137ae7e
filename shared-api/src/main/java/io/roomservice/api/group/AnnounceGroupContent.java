package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Announce new content in the group's rooms, once per content id. Answers whether it was new. */
public record AnnounceGroupContent(@TargetAggregateIdentifier GroupId groupId, GroupContent content) {
}
