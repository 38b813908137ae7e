package io.roomservice.sagas.work;

import java.time.Duration;

/**
 * What a run of homeserver work came to: done, or to run again after a wait that is not a failure
 * (e.g. the directory has not yet applied the change the work is about).
 */
public record WorkResult(Duration runAgainAfter) {

    private static final WorkResult DONE = new WorkResult(null);

    public static WorkResult done() {
        return DONE;
    }

    public static WorkResult runAgainAfter(Duration wait) {
        return new WorkResult(wait);
    }

    public boolean isDone() {
        return runAgainAfter == null;
    }
}
