package io.roomservice.command.user;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.user.UserId;

import java.util.Optional;

/**
 * The command side's own view of which people the directory knows and whether they are deactivated,
 * for decisions of other aggregates (a role may only be granted to a known, active person).
 */
public interface UserLookup {

    String UNKNOWN_USER = "unknown-user";
    String USER_DEACTIVATED = "user-deactivated";

    Optional<Entry> find(UserId userId);

    /** Refuses unless the person is known and not deactivated: who may be granted a role. */
    default void requireActive(UserId userId) {
        var user = find(userId).orElseThrow(() -> new CommandRejectedException(RejectionReason.NOT_FOUND,
                UNKNOWN_USER, "User " + userId + " is not known to the directory."));
        if (user.deactivated()) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, USER_DEACTIVATED,
                    "User " + userId + " is deactivated and cannot be granted a role.");
        }
    }

    record Entry(UserId userId, boolean deactivated) {
    }
}
