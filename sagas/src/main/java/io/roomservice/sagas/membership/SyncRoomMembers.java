package io.roomservice.sagas.membership;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.work.HomeserverWork;

import java.util.Set;

/**
 * Bring the room's members in step with the directory, once the directory has applied the event at
 * {@code waitForPosition}.
 *
 * @param renamed    people whose display name must be set again
 * @param moderators staff and support who joined by hand: the sync leaves them in the room
 */
public record SyncRoomMembers(RoomId roomId, String matrixRoomId, ProjectId projectId, long waitForPosition,
                              Set<UserId> renamed, Set<UserId> moderators) implements HomeserverWork {

    public static String keyOf(RoomId roomId) {
        return "member-sync:" + roomId;
    }

    @Override
    public String key() {
        return keyOf(roomId);
    }
}
