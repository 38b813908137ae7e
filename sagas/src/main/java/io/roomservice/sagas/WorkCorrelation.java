package io.roomservice.sagas;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The correlation data (correlation id, causation, request id) of the event that decided a piece of
 * homeserver work, while that work runs on a scheduler thread: the commands it reports with carry it,
 * so that an auditor sees the whole chain from the request to the homeserver's outcome under one
 * correlation id. The work runs outside any unit of work of Axon's (that would hold the report's
 * transaction open until the work ends), hence a scope of its own.
 */
public final class WorkCorrelation {

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(Map::of);

    private WorkCorrelation() {
    }

    public static <T> T with(Map<String, String> correlation, Supplier<T> work) {
        Map<String, String> outer = CURRENT.get();
        CURRENT.set(Map.copyOf(correlation));
        try {
            return work.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** Empty outside homeserver work. */
    public static Map<String, String> current() {
        return CURRENT.get();
    }
}
