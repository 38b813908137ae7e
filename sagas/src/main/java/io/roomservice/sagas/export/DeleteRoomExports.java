package io.roomservice.sagas.export;

import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * A disabling with delete_history: remove every export of the room and its files, then archive the
 * room. Safe to repeat: a file already gone counts as removed, an export already deleted is not listed.
 *
 * @param disabling       the room's disabling this belongs to
 * @param waitForPosition the global index of the event that decided the deletion: an export asked for
 *                        before it is in the exports list only once the list has passed it (0 in work
 *                        stored before it was kept: no wait)
 */
public record DeleteRoomExports(RoomId roomId, int disabling, long waitForPosition) implements HomeserverWork {

    @Override
    public String key() {
        return "delete-exports:" + roomId;
    }
}
