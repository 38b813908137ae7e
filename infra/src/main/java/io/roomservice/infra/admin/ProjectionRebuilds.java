package io.roomservice.infra.admin;

import io.roomservice.infra.admin.RebuildableProjectionsConfiguration.RebuildableProjections;
import io.roomservice.infra.axon.NodeProperties;
import io.roomservice.infra.deadletters.DeadLetters;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Blue/green rebuilds and drift checks of the read models.
 *
 * <p>A run creates shadow tables beside the live ones ({@code rooms_next} beside {@code rooms}) and
 * starts a second tracking processor ({@code rooms.next}) with a second instance of the projection's
 * handlers writing them, from the tail of the event store, while the live processor and tables keep
 * serving. Once it has caught up with the head:
 * <ul>
 *   <li>a <b>rebuild</b> stops the live processor, lets the shadow pass the live processor's stored
 *       position, stops it, and in one transaction replaces the live rows with the shadow's and moves
 *       the shadow processor's tokens to the live processor's name (the live processor's dead letters
 *       go: the shadow handled those events again); the live processor then goes on from there.
 *       Readers see the complete old rows until that transaction commits, then the complete new ones;</li>
 *   <li>a <b>drift check</b> stops the live processor where no event it handles lies between its
 *       position and the shadow's, compares the tables row by row and stores every difference; the
 *       live tables stay as they are.</li>
 * </ul>
 * The shadow tables go at the end of every run. One run per projection at a time on this node.
 *
 * <p>This class starts, lists and cancels the runs. A run ({@link RebuildRun}) works with the shadow
 * ({@link ShadowReadModels}), event store and token positions ({@link ProcessorPositions}), the switch
 * ({@link BlueGreenSwitch}) or the comparison ({@link DriftComparison}), and records itself in
 * {@code projection_rebuilds} ({@link RebuildRecords}).
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    /** A drift report keeps this many differences; the count covers all. */
    static final int MAX_REPORTED = 1000;

    public enum Kind {
        REBUILD("rebuild"), DRIFT_CHECK("drift-check");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final RebuildableProjections projections;
    private final RebuildRecords records;
    private final RebuildRun.Parts parts;
    private final String node;
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private volatile boolean lifecycleRunning;

    /** Tests hold a run here, once its shadow has caught up and before it switches or compares. */
    volatile Consumer<String> beforeFinish = name -> {
    };

    public ProjectionRebuilds(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon,
                              EventStore eventStore, TokenStore tokenStore, TransactionManager transactions,
                              JdbcTemplate jdbc, DeadLetters deadLetters, RebuildableProjections projections,
                              JsonMapper json, NodeProperties node) {
        this.projections = projections;
        this.records = new RebuildRecords(jdbc, json);
        var tables = new ShadowTables(jdbc);
        this.parts = new RebuildRun.Parts(records,
                new ShadowReadModels(tables, jdbc, eventStore, tokenStore, transactions, axon),
                new ProcessorPositions(jdbc, eventStore, axon),
                new BlueGreenSwitch(tables, jdbc, deadLetters, transactions),
                new DriftComparison(jdbc, tables), processing);
        this.node = node.id().isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node.id();
    }

    public Optional<RebuildableProjection> rebuildable(String name) {
        return projections.find(name);
    }

    /** Starts a run; refused while another run of the same projection is going on here. */
    public RunStatus start(String name, Kind kind) {
        var projection = projections.find(name).orElseThrow(() -> new IllegalArgumentException(name + " cannot be rebuilt"));
        // read at the moment a run gets there, so that a test may set it while the run builds
        var run = new RebuildRun(projection, kind, node, parts, projectionName -> beforeFinish.accept(projectionName),
                ended -> running.remove(name, ended));
        if (running.putIfAbsent(name, run) != null) {
            throw new AlreadyRunning(running.get(name).status());
        }
        try {
            records.started(run.id, name, kind, node, run.startedAt, run.headAtStart);
        } catch (RuntimeException e) {
            running.remove(name);
            throw e;
        }
        run.start();
        return run.status();
    }

    /** Ends the projection's run here without switching; false when none is running. */
    public boolean cancel(String name) {
        var run = running.get(name);
        if (run == null) {
            return false;
        }
        run.cancel();
        return true;
    }

    public boolean isRunning(String name) {
        return running.containsKey(name);
    }

    /** The projection's current or last run of that kind. */
    public Optional<RunStatus> latest(String name, Kind kind) {
        var run = running.get(name);
        if (run != null && run.kind == kind) {
            return Optional.of(run.status());
        }
        return records.latest(name, kind);
    }

    /** The last drift check's differences, as stored; empty when none finished comparing. */
    public Optional<List<Difference>> lastReport(UUID runId) {
        return records.report(runId);
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    /** A run this node left unfinished (it stopped) is marked failed; its shadow tables go with the next run. */
    @Override
    public void start() {
        records.failUnfinished(node);
        lifecycleRunning = true;
    }

    /** Runs end with the node, before the processors and the database go: they start again by request. */
    @Override
    public void stop() {
        lifecycleRunning = false;
        for (var name : List.copyOf(running.keySet())) {
            cancel(name);
        }
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    // ---- what the API shows -----------------------------------------------------------------------

    /**
     * A rebuild or drift check.
     *
     * @param head           the head of the event store now (while running) or at the end
     * @param position       how far the rebuilt model has come (global index)
     * @param progress       position / head while building, below 1 until the switch (or comparison) is done
     * @param caughtUpAt     when the rebuilt model first reached the head
     * @param switchedAt     when the rebuilt model became the live one (rebuilds)
     * @param eventsReplayed events in the store up to the final position
     * @param differences    rows that differ between the live and the rebuilt model (drift checks)
     */
    public record RunStatus(UUID id, String projection, String kind, String state, boolean running, String node,
                            Instant startedAt, Long headAtStart, Long head, Long position, Double progress,
                            Instant caughtUpAt, Instant switchedAt, Instant finishedAt, Long eventsReplayed,
                            Long differences, String error) {
    }

    /**
     * One row that differs.
     *
     * @param key     the row's primary key
     * @param kind    {@code missing-in-live}, {@code missing-in-rebuilt} or {@code differs}
     * @param columns for {@code differs}: each differing column with both values (personal data masked)
     */
    public record Difference(String table, Map<String, String> key, String kind, List<ColumnDifference> columns) {
    }

    public record ColumnDifference(String column, String live, String rebuilt) {
    }

    /** Another run of the projection is going on. */
    public static final class AlreadyRunning extends RuntimeException {

        private final transient RunStatus run;

        AlreadyRunning(RunStatus run) {
            super(null, null, false, false);
            this.run = run;
        }

        public RunStatus run() {
            return run;
        }
    }
}
