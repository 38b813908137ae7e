package io.roomservice.api.world;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The host registers a world, or renames it. {@code organisation} and {@code slug} are both null for the self-hosted default world (room names {@code wa-...}), both set otherwise ({@code wa-<org>-<world>-...}); they are fixed once registered. Answers the outcome: {@code created}, {@code changed} or {@code unchanged}. */
public record RegisterWorld(@TargetAggregateIdentifier WorldId worldId, String organisation, String slug, String name) {
}
