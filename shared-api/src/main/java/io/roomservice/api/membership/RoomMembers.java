package io.roomservice.api.membership;

import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;

import java.util.List;

public record RoomMembers(RoomId roomId, List<Member> members, long total) {

    /** {@code fullName} null when unknown or erased. */
    public record Member(UserId userId, String fullName, String matrixUserId, int powerLevel, Membership membership) {
    }
}
