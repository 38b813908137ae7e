package io.roomservice.api.world;

import java.util.List;

/** A map room as listed: {@code matrixRoomId} null until its Matrix room exists. */
public record MapRoomView(WorldRoomId roomId, String name, String matrixRoomId, List<String> tags) {
}
