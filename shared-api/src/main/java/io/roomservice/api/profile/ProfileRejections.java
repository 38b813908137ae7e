package io.roomservice.api.profile;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;

/** The refusals of the user profile aggregate. */
public final class ProfileRejections {

    public static final String BOT_ID = "matrix-id-is-the-bot";
    public static final String TAKEN = "matrix-id-taken";
    public static final String CHANGED = "matrix-id-changed";
    public static final String NO_PROFILE = "no-matrix-profile";

    private ProfileRejections() {
    }

    public static CommandRejectedException botId(String matrixUserId) {
        return new CommandRejectedException(RejectionReason.CONFLICT, BOT_ID,
                matrixUserId + " is the appservice bot and cannot be a person's Matrix account.");
    }

    public static CommandRejectedException taken(String matrixUserId) {
        return new CommandRejectedException(RejectionReason.CONFLICT, TAKEN,
                matrixUserId + " is already linked to another person.");
    }

    public static CommandRejectedException changed(String linked, String requested) {
        return new CommandRejectedException(RejectionReason.CONFLICT, CHANGED,
                "This person is linked to " + linked + " for good; " + requested + " was asked for.");
    }

    public static CommandRejectedException noProfile(Object userId) {
        return new CommandRejectedException(RejectionReason.WRONG_STATE, NO_PROFILE,
                "Person " + userId + " has no Matrix account yet.");
    }
}
