package io.roomservice.infra.admin;

import io.roomservice.infra.axon.ProcessorFailures;
import io.roomservice.infra.deadletters.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The event processors as operators see them, and the read models' blue/green rebuilds
 * ({@link ProjectionRebuilds}): a rebuild builds the new version beside the live one and switches when
 * it has caught up, so readers never see a half-built read model.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;
    private final ProjectionRebuilds rebuilds;
    private final ProcessorFailures failures;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore, DeadLetters deadLetters,
                       ProjectionRebuilds rebuilds, ProcessorFailures failures) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.rebuilds = rebuilds;
        this.failures = failures;
    }

    public List<ProcessorStatus> statuses() {
        return processing.eventProcessors().values().stream().map(this::status)
                .sorted(Comparator.comparing(ProcessorStatus::name)).toList();
    }

    public Optional<ProcessorStatus> find(String name) {
        return processing.eventProcessor(name).map(this::status);
    }

    /** Starts a blue/green rebuild; {@link ProjectionRebuilds.AlreadyRunning} while one runs. */
    public ProjectionRebuilds.RunStatus rebuild(String name) {
        return rebuilds.start(name, ProjectionRebuilds.Kind.REBUILD);
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
                    true, false, null, false, parkedSequences, parkedEvents, false, null, null);
        }
        boolean rebuildable = rebuilds.rebuildable(processor.getName()).isPresent();
        var rebuild = rebuildable ? rebuilds.latest(processor.getName(), ProjectionRebuilds.Kind.REBUILD).orElse(null)
                : null;
        var driftCheck = rebuildable
                ? rebuilds.latest(processor.getName(), ProjectionRebuilds.Kind.DRIFT_CHECK).orElse(null) : null;
        var segments = streaming.processingStatus().values();
        OptionalLong position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        Long head = headIndex();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        // replaying: a rebuild is building the new version; its progress, never 1.0 before the switch
        boolean replaying = rebuild != null && rebuild.running()
                && ("building".equals(rebuild.state()) || "switching".equals(rebuild.state()));
        boolean inError = streaming.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)
                || failures.failing(processor.getName(), segments);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !inError && (parkedEvents == null || parkedEvents == 0);
        Double progress = replaying ? rebuild.progress() : null;
        return new ProcessorStatus(processor.getName(), "streaming", processor.isRunning(), rebuildable,
                pos, head == null || pos == null ? null : Math.max(0, head - pos), caughtUp, replaying, progress,
                inError, parkedSequences, parkedEvents, replaying, rebuild, driftCheck);
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
     * @param rebuildable     a read model that can be rebuilt blue/green (and drift-checked)
     * @param lag      events between the processor's position and the head of the event store
     * @param replaying       a rebuild is building the new version beside this one (same as rebuilding)
     * @param progress        while rebuilding, how far the new version has come (0..1, 1 only once switched)
     * @param error           the processor failed on an event and has not got past it yet (it retries)
     * @param parkedSequences sequences (rooms, people) with parked events; null for processors that park none
     * @param parkedEvents    events parked in the dead-letter queue; null for processors that park none
     * @param rebuild         the running or last rebuild (started, switched at, events replayed, ...)
     * @param driftCheck      the running or last drift check
     */
    public record ProcessorStatus(String name, String mode, boolean running, boolean rebuildable, Long position,
                                  Long lag, boolean caughtUp, boolean replaying, Double progress, boolean error,
                                  Long parkedSequences, Long parkedEvents, boolean rebuilding,
                                  ProjectionRebuilds.RunStatus rebuild, ProjectionRebuilds.RunStatus driftCheck) {
    }
}
