package io.roomservice.api.directory;

import io.roomservice.api.user.UserId;

/** Answers {@link DirectoryUser}, or null for an unknown person. */
public record FindDirectoryUser(UserId userId) {
}
