package io.roomservice.command.profile;

import io.roomservice.api.user.UserId;

import java.util.Optional;

/** The set-based rule "one Matrix user id, one person", checked before a profile is created. */
public interface MatrixUserIds {

    Optional<UserId> ownerOf(String matrixUserId);
}
