package io.roomservice.infra.deadletters;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parked events of each dead-lettering processor, through Axon's own queue and dead-letter
 * processor. What it shows of an event is where it is and why it failed, never its payload: events
 * may hold personal data.
 */
@Component
public class DeadLetters {

    /**
     * A listing shows at most this many sequences (the least recently touched first), and of each at
     * most this many events (in order): enough to act on, never the whole table.
     */
    static final int MAX_SHOWN = 100;

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;

    public DeadLetters(EventProcessingConfiguration processing, TransactionManager transactions) {
        this.processing = processing;
        this.transactions = transactions;
    }

    /** The processor's queue; empty for processors that do not park events (sagas, command-side look-ups). */
    Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return DeadLetterConfiguration.GROUPS.contains(processor) ? processing.deadLetterQueue(processor) : Optional.empty();
    }

    /** How many events and sequences the processor has parked; empty when it cannot park any. */
    public Optional<Count> count(String processor) {
        return queue(processor).map(q -> new Count(q.amountOfSequences(), q.size()));
    }

    public List<ParkedSequence> list(String processor) {
        var queue = queue(processor).orElseThrow();
        return transactions.fetchInTransaction(() -> {
            var sequences = new ArrayList<ParkedSequence>();
            for (var sequence : queue.deadLetters()) {
                if (sequences.size() == MAX_SHOWN) {
                    break;
                }
                var events = new ArrayList<ParkedEvent>();
                for (var letter : sequence) {
                    if (events.size() == MAX_SHOWN) {
                        break;
                    }
                    events.add(ParkedEvent.of(letter));
                }
                if (!events.isEmpty()) {
                    sequences.add(new ParkedSequence(events.get(0).sequenceIdentifier(), events));
                }
            }
            return sequences;
        });
    }

    /**
     * Hands every parked sequence once to Axon's dead-letter processor, which runs the handlers again in
     * order within a transaction; a sequence that fails again stays parked with its new cause.
     */
    public Retry retry(String processor) {
        var queue = queue(processor).orElseThrow();
        var deadLetterProcessor = processing.sequencedDeadLetterProcessor(processor).orElseThrow();
        long sequences = queue.amountOfSequences();
        long processed = 0;
        for (long i = 0; i < sequences; i++) {
            if (deadLetterProcessor.processAny()) {
                processed++;
            }
        }
        return new Retry(sequences, processed, queue.amountOfSequences());
    }

    /** Forgets every parked event of the processor: the read model then never sees them (a rebuild would). */
    public long evictAll(String processor) {
        var queue = queue(processor).orElseThrow();
        return transactions.fetchInTransaction(() -> {
            long parked = queue.size();
            queue.clear();
            return parked;
        });
    }

    /** Forgets the parked events of one sequence; false when it has none. */
    public boolean evict(String processor, String sequenceIdentifier) {
        var queue = queue(processor).orElseThrow();
        return transactions.fetchInTransaction(() -> {
            if (!queue.contains(sequenceIdentifier)) {
                return false;
            }
            queue.deadLetterSequence(sequenceIdentifier).forEach(queue::evict);
            return true;
        });
    }

    public record Count(long sequences, long events) {
    }

    public record ParkedSequence(String sequenceIdentifier, List<ParkedEvent> events) {
    }

    /**
     * @param globalIndex the event's position in the event store, when it came from there
     * @param attempts    how often handling it failed
     * @param transientFailure whether the last failure may pass by itself: such an event is tried again
     *                    automatically on a back-off until its attempts run out
     */
    public record ParkedEvent(String sequenceIdentifier, String eventType, String messageId, Long globalIndex,
                              String errorClass, String errorMessage, Instant enqueuedAt, Instant lastTouched,
                              long attempts, boolean transientFailure) {

        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            var message = letter.message();
            Long index = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    && tracked.trackingToken().position().isPresent()
                    ? tracked.trackingToken().position().getAsLong() : null;
            String sequence = letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : null;
            Object attempts = letter.diagnostics().get(ParkingPolicy.ATTEMPTS);
            return new ParkedEvent(sequence, message.getPayloadType().getSimpleName(), message.getIdentifier(), index,
                    letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                    letter.enqueuedAt(), letter.lastTouched(), attempts instanceof Number n ? n.longValue() : 1,
                    Boolean.TRUE.equals(letter.diagnostics().get(ParkingPolicy.TRANSIENT)));
        }
    }

    /**
     * @param sequences  how many parked sequences were handed to the handlers again
     * @param processed  how many of them were handled and left the queue
     * @param stillParked how many sequences are parked now
     */
    public record Retry(long sequences, long processed, long stillParked) {
    }
}
