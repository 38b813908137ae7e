package io.roomservice.api.matrix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.roomservice.api.common.PersonalText;

import java.time.Instant;

/**
 * One event of a Matrix room as the homeserver pushed it, reduced to what roomservice keeps: room
 * messages ({@code m.room.message}: {@code msgtype}, {@code body}), membership changes
 * ({@code m.room.member}: {@code stateKey} is the member, {@code membership} what became of them),
 * reactions ({@code m.reaction}: {@code relatesTo} the reacted-to event, {@code body} the key),
 * redactions ({@code m.room.redaction}: {@code relatesTo} the redacted event, {@code body} the reason)
 * and the room's name and topic ({@code m.room.name}, {@code m.room.topic}). Fields that do not apply
 * to the type are null.
 *
 * <p>{@code body} is what the sender wrote: a message, a reaction's key, a redaction's reason. It is
 * personal data of the person it belongs to ({@link ContentSubjects}): stored encrypted under their key,
 * so that erasing them erases what they wrote and what the bot said about them. A room's name and topic
 * are the room's, shown to everyone in it and kept in clear like roomservice's own room names. Display
 * names of membership events are not kept.
 *
 * <p>The last six fields came later; events stored before them read back with them null.
 * {@code formattedBody} is what the sender wrote too, and kept like {@code body}.
 *
 * @param actor     the platform actor ({@code user:...}, {@code agent:...}) the internal gateway sent the
 *                  event for ({@value #ACTOR}), kept only when the sender is in the appservice's own
 *                  user namespace, where no one but roomservice can send
 * @param relatesTo the event a reaction is on, a redaction removes, or a message replies to
 *                  ({@code m.in_reply_to})
 * @param roomName  an {@code m.room.name}'s name
 * @param roomTopic an {@code m.room.topic}'s topic
 * @param url       a media message's content URI ({@code mxc://...})
 * @param formattedBody a message's {@code org.matrix.custom.html} {@code formatted_body}
 */
public record MatrixRoomEvent(String eventId,
                              String roomId,
                              String type,
                              String sender,
                              String stateKey,
                              String membership,
                              String msgtype,
                              PersonalText body,
                              Instant originServerTs,
                              String actor,
                              String relatesTo,
                              String roomName,
                              String roomTopic,
                              String url,
                              PersonalText formattedBody) {

    /** An event without the message details (reply, media, HTML) that only messages have. */
    public MatrixRoomEvent(String eventId, String roomId, String type, String sender, String stateKey,
                           String membership, String msgtype, PersonalText body, Instant originServerTs,
                           String actor, String relatesTo, String roomName, String roomTopic) {
        this(eventId, roomId, type, sender, stateKey, membership, msgtype, body, originServerTs, actor, relatesTo,
                roomName, roomTopic, null, null);
    }

    public static final String MESSAGE = "m.room.message";
    public static final String MEMBER = "m.room.member";
    public static final String REACTION = "m.reaction";
    public static final String REDACTION = "m.room.redaction";
    public static final String NAME = "m.room.name";
    public static final String TOPIC = "m.room.topic";
    /** The content key in which the internal gateway names the platform actor it sent an event for. */
    public static final String ACTOR = "io.roomservice.actor";

    /** A message: the kept fields of an {@code m.room.message}. */
    public static MatrixRoomEvent message(String eventId, String roomId, String sender, String msgtype,
                                          PersonalText body, Instant originServerTs, String actor) {
        return new MatrixRoomEvent(eventId, roomId, MESSAGE, sender, null, null, msgtype, body, originServerTs, actor,
                null, null, null);
    }

    /** A message with what only messages have: the event it replies to, its media and its HTML. */
    public static MatrixRoomEvent message(String eventId, String roomId, String sender, String msgtype,
                                          PersonalText body, Instant originServerTs, String actor,
                                          String inReplyTo, String url, PersonalText formattedBody) {
        return new MatrixRoomEvent(eventId, roomId, MESSAGE, sender, null, null, msgtype, body, originServerTs, actor,
                inReplyTo, null, null, url, formattedBody);
    }

    /** A membership change: the kept fields of an {@code m.room.member}. */
    public static MatrixRoomEvent member(String eventId, String roomId, String sender, String stateKey,
                                         String membership, Instant originServerTs) {
        return new MatrixRoomEvent(eventId, roomId, MEMBER, sender, stateKey, membership, null, null, originServerTs,
                null, null, null, null);
    }

    @JsonIgnore
    public boolean isRoomMessage() {
        return MESSAGE.equals(type);
    }

    @JsonIgnore
    public boolean isMembershipChange() {
        return MEMBER.equals(type);
    }

    @JsonIgnore
    public boolean isReaction() {
        return REACTION.equals(type);
    }

    @JsonIgnore
    public boolean isRedaction() {
        return REDACTION.equals(type);
    }

    /** A change of the room's name or topic. */
    @JsonIgnore
    public boolean isRoomDescription() {
        return NAME.equals(type) || TOPIC.equals(type);
    }
}
