package io.roomservice.api.membership;

import io.roomservice.api.user.UserId;

/**
 * What became of one person in a room: their membership and power level after the change, and
 * why (e.g. "No role left in the project"). {@code userId} is null for a Matrix user roomservice
 * does not know (e.g. someone a member invited).
 */
public record MemberChange(UserId userId, String matrixUserId, Membership membership, int powerLevel, String reason) {
}
