package io.roomservice.api.world;

import java.util.List;

/** The answer to {@link ListVisibleMapRooms}; {@code worldKnown} false for an unknown world. */
public record VisibleMapRooms(boolean worldKnown, List<MapRoomView> rooms) {
}
