package io.roomservice.infra.axon;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each processor last failed before the failure propagates (so the processor backs
 * off and tries the batch again). A pooled processor drops a failed segment's status while it waits
 * to claim it again, so its own status cannot say it is in error; this can: a processor is failing
 * until every segment it still shows has passed the failed event.
 */
public class ProcessorFailures implements ErrorHandler {

    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    @Override
    public void handleError(ErrorContext context) throws Exception {
        long position = context.failedEvents().stream()
                .filter(TrackedEventMessage.class::isInstance)
                .map(event -> ((TrackedEventMessage<?>) event).trackingToken())
                .filter(token -> token != null && token.position().isPresent())
                .mapToLong(token -> token.position().getAsLong())
                .min().orElse(Long.MAX_VALUE);
        failedAt.put(context.eventProcessor(), position);
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** Whether the processor's last failure has not been got past yet; forgets it once it has. */
    public boolean failing(String processor, Collection<EventTrackerStatus> segments) {
        Long position = failedAt.get(processor);
        if (position == null) {
            return false;
        }
        boolean past = !segments.isEmpty() && segments.stream().allMatch(segment -> {
            OptionalLong current = segment.getCurrentPosition();
            return !segment.isErrorState() && current.isPresent() && current.getAsLong() >= position;
        });
        if (past) {
            failedAt.remove(processor, position);
        }
        return !past;
    }
}
