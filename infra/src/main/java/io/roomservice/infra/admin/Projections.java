package io.roomservice.infra.admin;

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

    public Projections(EventProcessingConfiguration processing, EventStore eventStore,
                       TransactionManager transactions, JdbcTemplate jdbc) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
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

    /** True once every segment of the processor has reached the head of the event store. */
    public boolean caughtUp(String name) {
        return find(name).map(ProcessorStatus::caughtUp).orElse(false);
    }

    private ProcessorStatus status(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", processor.isRunning(), false, null, null,
                    true, false, null);
        }
        var segments = streaming.processingStatus().values();
        OptionalLong position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        Long head = headIndex();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        Double progress = null;
        if (replaying && pos != null && head != null && head > 0) {
            progress = Math.min(1.0, (double) pos / head);
        }
        return new ProcessorStatus(processor.getName(), "streaming", processor.isRunning(), streaming.supportsReset(),
                pos, head == null || pos == null ? null : Math.max(0, head - pos), caughtUp, replaying, progress);
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
     * @param progress during a replay, how far it has come (0..1)
     */
    public record ProcessorStatus(String name, String mode, boolean running, boolean rebuildable, Long position,
                                  Long lag, boolean caughtUp, boolean replaying, Double progress) {
    }
}
