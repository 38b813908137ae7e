package io.roomservice.sagas.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;

import java.util.List;

/**
 * What worlds need from the homeserver. Every call is safe to repeat: rooms and Spaces are found by
 * their alias before they are created, an invite or join of someone already there and a kick of
 * someone already gone count as done.
 */
public interface WorldHomeserver {

    /** The world's Space (a private room of type {@code m.space}), found or created; its room id. */
    String ensureSpace(WorldId worldId, String name);

    /**
     * The world room's Matrix room, found or created as a child of the Space (with {@code m.space.parent}
     * and the Space's {@code m.space.child}), carrying {@code re.workadventu.room_type} and
     * {@code re.workadventu.tags}; its room id.
     */
    String ensureRoom(WorldRoomId roomId, WorldRoomKind kind, String matrixName, List<String> tags, String spaceRoomId);

    /** Sets the room's name and, unless {@code tags} is null, its {@code re.workadventu.tags}. */
    void describeRoom(String matrixRoomId, String matrixName, List<String> tags);

    /** Kicks everyone (at most 10 at a time), takes the room out of the Space (when given), then the bot leaves. */
    void vacate(String matrixRoomId, String spaceRoomId);

    void inviteToSpace(String spaceRoomId, String matrixUserId);

    void removeFromSpace(String spaceRoomId, String matrixUserId);

    /** Invites and joins the person; a moderator gets power 50 (others keep the default, so nothing is read). */
    void enterArea(String matrixRoomId, String matrixUserId, boolean moderator);

    /** Kicks the person server-side (not a ban: they can come back); a moderator's power 50 goes too. */
    void leaveArea(String matrixRoomId, String matrixUserId, boolean moderator);
}
