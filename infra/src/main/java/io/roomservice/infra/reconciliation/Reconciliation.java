package io.roomservice.infra.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.sagas.reconciliation.Difference;
import io.roomservice.sagas.reconciliation.Reconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One reconciliation run over every {@link Reconciler}: each lists its differences, and unless it is a dry
 * run repairs them through its commands. Runs outside any transaction; one at a time on a node (the
 * scheduled run is one node's at a time through db-scheduler). Repairs are counted in
 * {@code roomservice.reconciliation.repairs{room_kind, kind}}.
 */
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** What a run found and whether it repaired it; the room kinds it could not compare, with why. */
    public record Report(UUID runId, boolean dryRun, List<Difference> differences, List<String> failures) {
    }

    /** Another run is going on on this node. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("A reconciliation is running on this node", null, false, false);
        }
    }

    private final Supplier<List<Reconciler>> reconcilers;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();

    public Reconciliation(Supplier<List<Reconciler>> reconcilers, MeterRegistry meters) {
        this.reconcilers = reconcilers;
        this.meters = meters;
    }

    public Report run(boolean dryRun) {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        try {
            UUID runId = UUID.randomUUID();
            List<Difference> found = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Reconciler reconciler : reconcilers.get()) {
                try {
                    List<Difference> differences = reconciler.differences();
                    found.addAll(differences);
                    if (!dryRun && !differences.isEmpty()) {
                        reconciler.repair(differences, runId);
                        differences.forEach(d -> meters.counter("roomservice.reconciliation.repairs",
                                "room_kind", d.roomKind(), "kind", d.kind()).increment());
                    }
                } catch (RuntimeException failure) {
                    // one kind of room that cannot be compared (no homeserver link, a timeout) leaves the others
                    log.warn("Reconciliation {} of {} rooms failed: {}", runId, reconciler.roomKind(), failure.getMessage());
                    failures.add(reconciler.roomKind() + ": " + failure.getMessage());
                }
            }
            if (!found.isEmpty()) {
                log.info("Reconciliation {}{}: {} difference(s): {}", runId, dryRun ? " (dry run)" : "", found.size(),
                        found.stream().map(d -> d.roomKind() + "/" + d.kind() + " " + d.subject()).toList());
            }
            return new Report(runId, dryRun, found, failures);
        } finally {
            running.set(false);
        }
    }
}
