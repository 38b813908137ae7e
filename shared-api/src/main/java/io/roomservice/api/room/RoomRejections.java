package io.roomservice.api.room;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;

/** The refusals of the room aggregate, with the wording the specification uses. */
public final class RoomRejections {

    public static final String WRONG_STATE = "room-wrong-state";
    public static final String PROJECT_HAS_ROOM = "project-already-has-room";
    public static final String UNKNOWN_PROJECT = "unknown-project";

    private RoomRejections() {
    }

    public static CommandRejectedException wrongState(String message) {
        return new CommandRejectedException(RejectionReason.WRONG_STATE, WRONG_STATE, message);
    }

    public static CommandRejectedException projectAlreadyHasRoom(Object projectId) {
        return new CommandRejectedException(RejectionReason.INVALID, PROJECT_HAS_ROOM,
                "Project " + projectId + " already has a chat room.");
    }

    public static CommandRejectedException unknownProject(Object projectId) {
        return new CommandRejectedException(RejectionReason.INVALID, UNKNOWN_PROJECT,
                "Project " + projectId + " is unknown or was removed.");
    }
}
