package io.roomservice.infra.work;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;

/**
 * A piece of homeserver work as db-scheduler stores it in {@code scheduled_tasks.task_data}: the work
 * serialized by Axon's serializer (type, revision, JSON bytes), the correlation data of the event that
 * decided it, and the attempts that failed so far.
 */
record WorkData(String type, String revision, byte[] payload, HashMap<String, String> correlation,
                int failedAttempts) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    WorkData afterFailedAttempt() {
        return new WorkData(type, revision, payload, correlation, failedAttempts + 1);
    }
}
