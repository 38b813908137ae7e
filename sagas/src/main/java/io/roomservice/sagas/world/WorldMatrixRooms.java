package io.roomservice.sagas.world;

import java.util.Optional;
import java.util.UUID;

/**
 * The Matrix rooms of worlds as the command side recorded them: a world's Space, a world room's room.
 * Read by homeserver work when it runs, so it acts on the room as it is then.
 */
public interface WorldMatrixRooms {

    /** {@code matrixRoomId} null while the place has no Matrix room yet. */
    record Place(String matrixRoomId, boolean removed) {
    }

    /** Empty for a uuid that names no world or world room. */
    Optional<Place> find(UUID placeId);
}
