package io.roomservice.api.profile;

/** Answers the {@link UserProfileView} linked to a Matrix user id, or null. */
public record FindUserProfileByMatrixId(String matrixUserId) {
}
