package io.roomservice.sagas.membership;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.util.Map;
import java.util.UUID;

/**
 * What member sync needs from the homeserver. Every call may throw {@link HomeserverException}
 * (transient or permanent); every call is safe to repeat.
 */
public interface MemberHomeserver {

    /** The room's members as the homeserver sees them now, and the users map of its power levels. */
    RoomState roomState(String matrixRoomId);

    /** Registers the user in the appservice namespace unless it exists, and sets its display name when given. */
    void ensureUser(String matrixUserId, String displayName);

    void invite(String matrixRoomId, String matrixUserId);

    /** Joins the room as the user (identity assertion); the user must be invited. */
    void join(String matrixRoomId, String matrixUserId);

    /** Sets the {@code users} map of the room's power levels, keeping every other power level setting. */
    void setUserPowerLevels(String matrixRoomId, Map<String, Integer> users);

    void kick(String matrixRoomId, String matrixUserId, String reason);

    /** Leaves the room as the user (identity assertion). */
    void leave(String matrixRoomId, String matrixUserId);

    /**
     * Posts an {@code m.notice} as the bot; the transaction id makes a repeat a no-op. The notice names
     * the person {@code about}, whose personal data its text is when it comes back from the homeserver.
     */
    void sendNotice(String matrixRoomId, String transactionId, UUID about, String text);

    /**
     * Posts the bot's answer to the event {@code replyTo} (quoting it, {@code m.in_reply_to}) as an
     * {@code m.notice}; the transaction id makes a repeat a no-op. {@code about}: as {@link #sendNotice}.
     */
    void sendReply(String matrixRoomId, String transactionId, String replyTo, UUID about, String markdown);

    /** Signs the user out everywhere (every device and access token). */
    void endSessions(String matrixUserId);

    /** Sets the user's display name, whatever it was; the homeserver announces it in their rooms. */
    void replaceDisplayName(String matrixUserId, String displayName);

    /**
     * @param membership  Matrix user id to {@code join}, {@code invite}, {@code leave}, {@code ban} or {@code knock}
     * @param powerLevels the {@code users} map of {@code m.room.power_levels}
     */
    record RoomState(Map<String, String> membership, Map<String, Integer> powerLevels) {
    }
}
