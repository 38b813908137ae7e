package io.roomservice.api.migration;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;

import java.util.Optional;

/** The refusals of a homeserver migration. */
public final class MigrationRejections {

    public static final String WRONG_STATE = "migration-wrong-state";
    public static final String ALREADY_RUNNING = "migration-already-running";

    private MigrationRejections() {
    }

    public static CommandRejectedException wrongState(String message) {
        return new CommandRejectedException(RejectionReason.WRONG_STATE, WRONG_STATE, message);
    }

    /** Two migrations at once would reprovision the same rooms against each other. */
    public static CommandRejectedException alreadyRunning(Optional<MigrationId> unfinished) {
        return new CommandRejectedException(RejectionReason.CONFLICT, ALREADY_RUNNING,
                "Homeserver migration " + unfinished.map(MigrationId::toString).orElse("started just now")
                        + " is not finished yet; cancel it or wait for it to complete.");
    }
}
