package io.roomservice.api.directory;

import io.roomservice.api.user.UserId;

/** Answers {@link UserAccess}: what a person may see and do, by their roles. */
public record FindUserAccess(UserId userId) {
}
