package io.roomservice.sagas.group;

import java.util.Collection;

/**
 * What group rooms need from the homeserver. Every call is safe to repeat: rooms are found by alias
 * before they are created, state is only written when it differs, "already in the room" counts as done.
 */
public interface GroupHomeserver {

    /** The two rooms of a group, by Matrix room id. */
    record GroupRooms(String publicRoomId, String privateRoomId) {
    }

    /**
     * Finds (by id when known, else by alias) or creates the group's rooms and configures them: names,
     * topics, aliases and canonical aliases, the public room listed in the directory, the private room's
     * {@code users_default} at least 50.
     */
    GroupRooms ensureRooms(String slug, String name, String url, String knownPublicRoomId, String knownPrivateRoomId);

    /**
     * Invites the Matrix id (registering it first when it is in roomservice's namespace). True when invited
     * or already in the room ({@code M_FORBIDDEN}); a permanent refusal for this person is thrown.
     */
    void invite(String roomId, String matrixUserId);

    /** Raises these users to at least 50 in the room's power levels; never lowers anyone. */
    void raiseToModerator(String roomId, Collection<String> matrixUserIds);

    /** Kicks the Matrix id (revokes an invitation too); someone not in the room counts as done. */
    void kick(String roomId, String matrixUserId, String reason);

    /**
     * Posts the markdown as the bot's notice (with its HTML rendering, mentioning nobody) under this
     * Matrix transaction id: a repeat is a no-op on the homeserver.
     */
    void announce(String roomId, String transactionId, String markdown);
}
