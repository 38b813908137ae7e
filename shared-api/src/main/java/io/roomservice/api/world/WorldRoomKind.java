package io.roomservice.api.world;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of room of a world: a map room is always listed (filtered by tags); an area room
 * belongs to one area of the map and holds whoever stands in it. Written to the Matrix room as the
 * state event {@code re.workadventu.room_type} with its wire name.
 */
public enum WorldRoomKind {
    MAP, AREA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorldRoomKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
