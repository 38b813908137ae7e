package io.roomservice.infra.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Parks every failed event, with a cause that staff may read: the innermost exception's class and the
 * first line of its message. PostgreSQL's further lines ("Detail: Key (username)=(...)") quote the
 * row's values, which may be a person's name or e-mail address, and those must not reach the
 * dead-letter table or the admin API. {@code attempts} counts how often the event failed;
 * {@code transient} says whether the last failure may go away by itself (a lock or statement timeout,
 * a serialization failure, a lost connection), which {@link TransientDeadLetterRetry} tries again.
 */
class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    static final String TRANSIENT = "transient";
    private static final int MAX_MESSAGE = 500;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean passing = TransientFailures.isTransient(cause);
        return Decisions.enqueue(withoutDetails(cause),
                parked -> attempted(parked.diagnostics()).and(TRANSIENT, passing));
    }

    static ThrowableCause withoutDetails(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        return new ThrowableCause(root.getClass().getName(), message);
    }

    private static MetaData attempted(MetaData diagnostics) {
        Object before = diagnostics.get(ATTEMPTS);
        long attempts = before instanceof Number n ? n.longValue() + 1 : 1;
        return diagnostics.and(ATTEMPTS, attempts);
    }
}
