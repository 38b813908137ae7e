package io.roomservice.command.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.group.GroupRejections;
import io.roomservice.api.user.UserId;

import java.util.Optional;

/** The command side's own view of the people of the groups and their Matrix ids, for the groups' decisions. */
public interface GroupPeople {

    /** The person's Matrix id; empty when the person is unknown or deleted. */
    Optional<String> matrixUserId(UserId userId);

    default String requireMatrixUserId(UserId userId) {
        return matrixUserId(userId).orElseThrow(() -> new CommandRejectedException(RejectionReason.NOT_FOUND,
                GroupRejections.UNKNOWN_PERSON, "Person " + userId + " is not known with a Matrix id; "
                + "PUT /api/host/group-people/" + userId + "/ first."));
    }
}
