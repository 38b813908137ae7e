package io.roomservice.api.profile;

/** Answers {@link UserProfileCounts}. */
public record CountUserProfiles() {
}
