package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;

import java.util.Set;

/** Answers {@link UserProfiles} for the given people (those without a profile are left out). */
public record FindUserProfiles(Set<UserId> userIds) {
}
