package io.roomservice.api.world;

/** The codes with which world commands are refused; the HTTP adapters answer them as problem+json. */
public final class WorldRejections {

    public static final String UNKNOWN_WORLD = "unknown-world";
    public static final String UNKNOWN_WORLD_ROOM = "unknown-world-room";
    public static final String UNKNOWN_AREA = "unknown-area";
    public static final String NOT_AN_AREA = "not-an-area";
    public static final String WORLD_ROOM_REMOVED = "world-room-removed";
    public static final String WORLD_ROOM_KIND_FIXED = "world-room-kind-fixed";
    public static final String WORLD_SLUGS_FIXED = "world-slugs-fixed";
    public static final String DEFAULT_WORLD_EXISTS = "default-world-exists";
    public static final String IDENTIFIER_IN_USE = "identifier-in-use";

    private WorldRejections() {
    }
}
