package io.roomservice.infra.admin;

import io.roomservice.infra.deadletters.DeadLetters;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rebuilds projections with Axon's own reset: stop the processor, reset its tokens (the projection's
 * {@code @ResetHandler} empties its tables), start it again; it then replays the event store.
 * Single node: with several nodes the processor must be stopped on all of them first.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore,
                       TransactionManager transactions, JdbcTemplate jdbc, DeadLetters deadLetters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    public List<ProcessorStatus> statuses() {
        return processing.eventProcessors().values().stream().map(this::status)
                .sorted(Comparator.comparing(ProcessorStatus::name)).toList();
    }

    public Optional<ProcessorStatus> find(String name) {
        return processing.eventProcessor(name).map(this::status);
    }

    public void rebuild(String name) {
        var processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::supportsReset)
                .orElseThrow(() -> new IllegalArgumentException(name + " cannot be reset"));
        processor.shutDown();
        try {
            transactions.executeInTransaction(() -> {
                withoutStatementTimeout();
                processor.resetTokens();
            });
        } finally {
            // a failed reset (a lock it waited too long for) rolled back: the processor goes on where it was
            processor.start();
        }
    }

    /**
     * A reset handler empties its whole table in one statement, which on a large store may take longer
     * than roomservice.database.statement-timeout: the reset's transaction (which the processor's reset
     * joins) runs without it. The lock timeout stays.
     */
    private void withoutStatementTimeout() {
        if ("PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))) {
            jdbc.execute("set local statement_timeout = 0");
        }
    }

    /**
     * True once every segment of the processor has reached the head of the event store, none is in
     * error and it has parked no event: a stuck or skipping processor has not caught up.
     */
    public boolean caughtUp(String name) {
        return find(name).map(ProcessorStatus::caughtUp).orElse(false);
    }

    private ProcessorStatus status(EventProcessor processor) {
        var parked = deadLetters.count(processor.getName());
        Long parkedSequences = parked.map(DeadLetters.Count::sequences).orElse(null);
        Long parkedEvents = parked.map(DeadLetters.Count::events).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", processor.isRunning(), false, null, null,
                    true, false, null, false, parkedSequences, parkedEvents);
        }
        var segments = streaming.processingStatus().values();
        OptionalLong position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        Long head = headIndex();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean inError = streaming.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !inError && (parkedEvents == null || parkedEvents == 0);
        Double progress = null;
        if (replaying && pos != null && head != null && head > 0) {
            progress = Math.min(1.0, (double) pos / head);
        }
        return new ProcessorStatus(processor.getName(), "streaming", processor.isRunning(), streaming.supportsReset(),
                pos, head == null || pos == null ? null : Math.max(0, head - pos), caughtUp, replaying, progress,
                inError, parkedSequences, parkedEvents);
    }

    private Long headIndex() {
        var head = eventStore.createHeadToken();
        if (head == null) {
            return null;
        }
        var position = head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /**
     * @param lag      events between the processor's position and the head of the event store
     * @param progress        during a replay, how far it has come (0..1)
     * @param error           a segment failed on an event and the processor is retrying it
     * @param parkedSequences sequences (rooms, people) with parked events; null for processors that park none
     * @param parkedEvents    events parked in the dead-letter queue; null for processors that park none
     */
    public record ProcessorStatus(String name, String mode, boolean running, boolean rebuildable, Long position,
                                  Long lag, boolean caughtUp, boolean replaying, Double progress, boolean error,
                                  Long parkedSequences, Long parkedEvents) {
    }
}
