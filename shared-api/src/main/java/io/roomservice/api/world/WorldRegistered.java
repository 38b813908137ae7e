package io.roomservice.api.world;


/** A world became known. Both slugs null: the self-hosted default world. */
public record WorldRegistered(WorldId worldId, String organisation, String slug, String name) {
}
