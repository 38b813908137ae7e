package io.roomservice.infra.admin;

import io.roomservice.infra.admin.ProjectionRebuilds.Kind;
import io.roomservice.infra.admin.ProjectionRebuilds.RunStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One rebuild or drift check of one projection, on a thread of its own: builds the shadow until it has
 * caught up, then switches or compares (trying again later when the live processor is not where it can
 * be), and removes the shadow whatever the end. {@link ProjectionRebuilds} starts, lists and cancels runs.
 */
final class RebuildRun {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

    private static final Duration POLL = Duration.ofMillis(50);
    /** How long a stopped live processor waits for the shadow to pass it before it runs on and the run tries later. */
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    /** What a run works with; {@link ProjectionRebuilds} makes them once. */
    record Parts(RebuildRecords records, ShadowReadModels shadows, ProcessorPositions positions,
                 BlueGreenSwitch blueGreen, DriftComparison drift, EventProcessingConfiguration processing) {
    }

    final UUID id = UUID.randomUUID();
    final RebuildableProjection projection;
    final Kind kind;
    private final String node;
    private final Parts parts;
    private final Consumer<String> beforeFinish;
    private final Consumer<RebuildRun> ended;
    final Instant startedAt = Instant.now();
    final Long headAtStart;
    private volatile Thread thread;
    private volatile boolean cancelled;
    private volatile RunState state = RunState.BUILDING;
    private volatile TrackingEventProcessor shadow;
    private volatile Instant caughtUpAt;
    private volatile Long finalPosition;
    private volatile String error;

    /**
     * @param beforeFinish called once the shadow has caught up, before it switches or compares (tests hold runs there)
     * @param ended        called when the run has cleaned up after itself and another may start
     */
    RebuildRun(RebuildableProjection projection, Kind kind, String node, Parts parts, Consumer<String> beforeFinish,
               Consumer<RebuildRun> ended) {
        this.projection = projection;
        this.kind = kind;
        this.node = node;
        this.parts = parts;
        this.beforeFinish = beforeFinish;
        this.ended = ended;
        this.headAtStart = parts.positions().head();
    }

    void start() {
        var runner = new Thread(this::execute, "projection-" + kind.wire() + "-" + projection.name());
        runner.setDaemon(true);
        thread = runner;
        runner.start();
    }

    /** Ends the run without switching and waits (a while) until it has cleaned up. */
    void cancel() {
        cancelled = true;
        if (state == RunState.BUILDING) {
            // never while it switches: that ends by itself within a transaction that commits or rolls back
            thread.interrupt();
        }
        try {
            thread.join(CANCEL_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    RunStatus status() {
        Long position = finalPosition != null ? finalPosition : shadowPosition();
        Long head = parts.positions().head();
        Double progress;
        if (state.done()) {
            progress = 1.0;
        } else if (state == RunState.FAILED) {
            progress = null;
        } else if (position == null || head == null || head <= 0) {
            progress = 0.0;
        } else {
            // 1.0 only once switched (or compared): a caught-up shadow is not the live model yet
            progress = Math.min(0.999, (double) position / head);
        }
        String shown = error;
        var processor = shadow;
        if (shown == null && processor != null) {
            shown = ShadowReadModels.failure(processor).orElse(null);
        }
        // running until the run has cleaned up after itself and another may start
        return new RunStatus(id, projection.name(), kind.wire(), state.wire(), true, node, startedAt,
                headAtStart, head, position, progress, caughtUpAt, null, null, null, null, shown);
    }

    private void execute() {
        try {
            parts.shadows().prepare(projection);
            shadow = parts.shadows().processor(projection);
            shadow.start();
            while (!cancelled) {
                if (ShadowReadModels.caughtUp(shadow)) {
                    if (caughtUpAt == null) {
                        caughtUpAt = Instant.now();
                        parts.records().caughtUp(id, caughtUpAt);
                    }
                    beforeFinish.accept(projection.name());
                    if (cancelled) {
                        break;
                    }
                    if (kind == Kind.REBUILD ? switchOver() : compare()) {
                        return;
                    }
                }
                sleep(POLL);
            }
            fail("cancelled");
        } catch (InterruptedException e) {
            fail("cancelled");
        } catch (RuntimeException e) {
            log.warn("The {} of {} failed", kind.wire(), projection.name(), e);
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            var processor = shadow;
            if (processor != null && processor.isRunning()) {
                processor.shutDown();
            }
            try {
                parts.shadows().remove(projection);
            } catch (RuntimeException e) {
                log.warn("Could not remove the shadow tables of {}", projection.name(), e);
            }
            ended.accept(this);
        }
    }

    /**
     * The switch. The live processor stops (its rows and token stay as they are, readers read on);
     * the shadow runs until it has passed the live processor's stored position and stops; then one
     * transaction replaces the live rows and tokens with the shadow's.
     */
    private boolean switchOver() throws InterruptedException {
        var live = liveProcessor();
        setState(RunState.SWITCHING);
        live.shutDown();
        try {
            if (!awaitShadowPassing()) {
                setState(RunState.BUILDING);
                return false;
            }
            shadow.shutDown();
            long position = parts.positions().stored(projection.shadowProcessor()).min().orElse(-1);
            parts.blueGreen().switchOver(projection,
                    () -> parts.records().switched(id, position, parts.positions().eventsUpTo(position)));
            finalPosition = position;
            state = RunState.SWITCHED;
            log.info("Rebuilt {} blue/green up to global index {}", projection.name(), position);
            return true;
        } finally {
            live.start();
        }
    }

    /**
     * The drift check: with the live processor stopped where no event its handlers take lies between
     * its position and the shadow's, both tables hold the same events' effects; compare them.
     */
    private boolean compare() throws InterruptedException {
        var live = liveProcessor();
        setState(RunState.COMPARING);
        live.shutDown();
        try {
            if (!awaitShadowPassing()) {
                setState(RunState.BUILDING);
                return false;
            }
            shadow.shutDown();
            var handlers = parts.shadows().handlers(projection);
            var livePositions = parts.positions().stored(projection.name()).toArray();
            var shadowPositions = parts.positions().stored(projection.shadowProcessor()).toArray();
            long from = Math.min(Arrays.stream(livePositions).min().orElse(-1),
                    Arrays.stream(shadowPositions).min().orElse(-1));
            long to = Math.max(Arrays.stream(livePositions).max().orElse(-1),
                    Arrays.stream(shadowPositions).max().orElse(-1));
            if (parts.positions().handledBetween(handlers, from, to)) {
                // the shadow is ahead by an event the live model has not applied yet: let both go on
                shadow = parts.shadows().processor(projection);
                shadow.start();
                setState(RunState.BUILDING);
                return false;
            }
            var drift = parts.drift().compare(projection);
            long position = Arrays.stream(shadowPositions).min().orElse(-1);
            parts.records().compared(id, position, parts.positions().eventsUpTo(position), drift);
            finalPosition = position;
            state = RunState.COMPARED;
            log.info("Drift check of {}: {} difference(s)", projection.name(), drift.count());
            return true;
        } finally {
            live.start();
        }
    }

    /** Waits until the shadow's position is at or beyond every stored position of the stopped live processor. */
    private boolean awaitShadowPassing() throws InterruptedException {
        long target = parts.positions().stored(projection.name()).max().orElse(-1);
        long deadline = System.nanoTime() + PASS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !cancelled) {
            var position = ShadowReadModels.position(shadow);
            if (ShadowReadModels.caughtUp(shadow) && position.orElse(-1) >= target) {
                return true;
            }
            sleep(POLL);
        }
        return false;
    }

    private Long shadowPosition() {
        var processor = shadow;
        if (processor == null) {
            return null;
        }
        var position = ShadowReadModels.position(processor);
        return position.isPresent() ? position.getAsLong() : null;
    }

    private void setState(RunState next) {
        state = next;
        parts.records().state(id, next);
    }

    private void fail(String reason) {
        state = RunState.FAILED;
        error = reason;
        try {
            parts.records().failed(id, reason);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of the {} of {}", kind.wire(), projection.name(), e);
        }
    }

    private StreamingEventProcessor liveProcessor() {
        return parts.processing().eventProcessor(projection.name(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + projection.name()));
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
