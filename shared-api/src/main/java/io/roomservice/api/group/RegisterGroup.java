package io.roomservice.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a group, or changes its name and URL. The slug names the rooms' aliases and is fixed once
 * registered. Answers whether anything changed.
 */
public record RegisterGroup(@TargetAggregateIdentifier GroupId groupId, String slug, String name, String url) {
}
