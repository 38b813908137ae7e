package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;

public record UserProfileView(UserId userId, String matrixUserId, boolean provisioned, boolean accessEnded) {
}
