package io.roomservice.api.matrix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.roomservice.api.common.PersonalText;

import java.time.Instant;

/**
 * One event of a Matrix room as the homeserver pushed it, reduced to what roomservice keeps: room
 * messages ({@code m.room.message}: {@code msgtype}, {@code body}) and membership changes
 * ({@code m.room.member}: {@code stateKey} is the member, {@code membership} what became of them).
 * Fields that do not apply to the type are null.
 *
 * <p>A message body is personal data of the person it belongs to ({@link ContentSubjects}): it is
 * stored encrypted under their key, so that erasing them erases what they wrote and what the bot
 * said about them. Display names of membership events are not kept.
 */
public record MatrixRoomEvent(String eventId,
                              String roomId,
                              String type,
                              String sender,
                              String stateKey,
                              String membership,
                              String msgtype,
                              PersonalText body,
                              Instant originServerTs) {

    public static final String MESSAGE = "m.room.message";
    public static final String MEMBER = "m.room.member";

    @JsonIgnore
    public boolean isRoomMessage() {
        return MESSAGE.equals(type);
    }

    @JsonIgnore
    public boolean isMembershipChange() {
        return MEMBER.equals(type);
    }
}
