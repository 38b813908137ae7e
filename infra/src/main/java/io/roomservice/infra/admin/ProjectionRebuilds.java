package io.roomservice.infra.admin;

import io.roomservice.infra.admin.RebuildableProjectionsConfiguration.RebuildableProjections;
import io.roomservice.infra.axon.NodeProperties;
import io.roomservice.infra.deadletters.DeadLetters;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** A drift report keeps this many differences; the count covers all. */
    static final int MAX_REPORTED = 1000;
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long a stopped live processor waits for the shadow to pass it before it runs on and the run tries later. */
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(30);
    private static final String PERSONAL = "(personal data)";

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

    enum State {
        BUILDING, SWITCHING, COMPARING, SWITCHED, COMPARED, FAILED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == SWITCHED || this == COMPARED || this == FAILED;
        }
    }

    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final RebuildableProjections projections;
    private final JsonMapper json;
    private final ShadowTables tables;
    private final String node;
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    private volatile boolean lifecycleRunning;

    /** Tests hold a run here, once its shadow has caught up and before it switches or compares. */
    volatile Consumer<String> beforeFinish = name -> {
    };

    public ProjectionRebuilds(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon,
                              EventStore eventStore, TokenStore tokenStore, TransactionManager transactions,
                              JdbcTemplate jdbc, DeadLetters deadLetters, RebuildableProjections projections,
                              JsonMapper json, NodeProperties node) {
        this.processing = processing;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.projections = projections;
        this.json = json;
        this.tables = new ShadowTables(jdbc);
        this.node = node.id().isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node.id();
    }

    public Optional<RebuildableProjection> rebuildable(String name) {
        return projections.find(name);
    }

    /** Starts a run; refused while another run of the same projection is going on here. */
    public RunStatus start(String name, Kind kind) {
        var projection = projections.find(name).orElseThrow(() -> new IllegalArgumentException(name + " cannot be rebuilt"));
        var run = new Run(projection, kind);
        if (running.putIfAbsent(name, run) != null) {
            throw new AlreadyRunning(running.get(name).status());
        }
        try {
            jdbc.update("""
                            insert into projection_rebuilds (rebuild_id, projection, kind, state, node, started_at,
                                                             head_at_start)
                            values (?, ?, ?, ?, ?, ?, ?)""",
                    run.id, name, kind.wire(), State.BUILDING.wire(), node, Timestamp.from(run.startedAt),
                    run.headAtStart);
        } catch (RuntimeException e) {
            running.remove(name);
            throw e;
        }
        var thread = new Thread(run::execute, "projection-" + kind.wire() + "-" + name);
        thread.setDaemon(true);
        run.thread = thread;
        thread.start();
        return run.status();
    }

    /** Ends the projection's run here without switching; false when none is running. */
    public boolean cancel(String name) {
        var run = running.get(name);
        if (run == null) {
            return false;
        }
        run.cancelled = true;
        if (run.state == State.BUILDING) {
            // never while it switches: that ends by itself within a transaction that commits or rolls back
            run.thread.interrupt();
        }
        try {
            run.thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        return jdbc.query("""
                        select rebuild_id, projection, kind, state, node, started_at, head_at_start, position,
                               caught_up_at, switched_at, finished_at, events_replayed, differences, error
                        from projection_rebuilds where projection = ? and kind = ?
                        order by started_at desc limit 1""",
                (rs, n) -> {
                    var state = State.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT));
                    Long position = (Long) rs.getObject(8, Long.class);
                    Long head = (Long) rs.getObject(7, Long.class);
                    return new RunStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            state.wire(), !state.finished(), rs.getString(5), instant(rs.getTimestamp(6)), head, head,
                            position, state == State.SWITCHED || state == State.COMPARED ? 1.0 : null,
                            instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                            (Long) rs.getObject(12, Long.class), (Long) rs.getObject(13, Long.class), rs.getString(14));
                }, name, kind.wire()).stream().findFirst();
    }

    /** The last drift check's differences, as stored; empty when none finished comparing. */
    public Optional<List<Difference>> lastReport(UUID runId) {
        return jdbc.query("select report from projection_rebuilds where rebuild_id = ? and report is not null",
                        (rs, n) -> rs.getString(1), runId).stream().findFirst()
                .map(text -> json.readValue(text, new TypeReference<List<Difference>>() {
                }));
    }

    // ---- one run ----------------------------------------------------------------------------------

    private final class Run {

        final UUID id = UUID.randomUUID();
        final RebuildableProjection projection;
        final Kind kind;
        final Instant startedAt = Instant.now();
        final Long headAtStart = head();
        volatile Thread thread;
        volatile boolean cancelled;
        volatile State state = State.BUILDING;
        volatile TrackingEventProcessor shadow;
        volatile Instant caughtUpAt;
        volatile Long finalPosition;
        volatile String error;

        Run(RebuildableProjection projection, Kind kind) {
            this.projection = projection;
            this.kind = kind;
        }

        RunStatus status() {
            Long position = finalPosition != null ? finalPosition : shadowPosition().orElse(null);
            Long head = head();
            Double progress;
            if (state == State.SWITCHED || state == State.COMPARED) {
                progress = 1.0;
            } else if (state == State.FAILED) {
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
                shown = processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                        .map(s -> "the rebuilt model's processor failed on an event and retries: "
                                + (s.getError() == null ? "" : s.getError().getMessage()))
                        .findFirst().orElse(null);
            }
            // running until the run has cleaned up after itself and another may start
            return new RunStatus(id, projection.name(), kind.wire(), state.wire(), true, node, startedAt,
                    headAtStart, head, position, progress, caughtUpAt, null, null, null, null, shown);
        }

        void execute() {
            try {
                prepare();
                shadow = shadowProcessor();
                shadow.start();
                while (!cancelled) {
                    if (caughtUp(shadow)) {
                        if (caughtUpAt == null) {
                            caughtUpAt = Instant.now();
                            jdbc.update("update projection_rebuilds set caught_up_at = ? where rebuild_id = ?",
                                    Timestamp.from(caughtUpAt), id);
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
                    cleanUp();
                } catch (RuntimeException e) {
                    log.warn("Could not remove the shadow tables of {}", projection.name(), e);
                }
                running.remove(projection.name(), this);
            }
        }

        /** Empty shadow tables (a crashed run's are dropped first) and no tokens for the shadow processor. */
        private void prepare() {
            for (var table : projection.tables()) {
                tables.create(table, projection.shadowOf(table));
            }
            jdbc.update("delete from token_entry where processor_name = ?", projection.shadowProcessor());
        }

        private void cleanUp() {
            jdbc.update("delete from token_entry where processor_name = ?", projection.shadowProcessor());
            for (var table : projection.tables()) {
                tables.drop(projection.shadowOf(table));
            }
        }

        /**
         * A tracking processor with the projection's handlers writing the shadow tables, as many segments
         * as the live processor has (its tokens replace the live ones one for one), starting at the tail.
         * A handler that fails is retried, never skipped: a skipped event would be drift.
         */
        private TrackingEventProcessor shadowProcessor() {
            int segments = Math.max(1, transactions.fetchInTransaction(
                    () -> tokenStore.fetchSegments(projection.name())).length);
            Object handlers = projection.shadowHandlers().apply(RebuildableProjection.SHADOW_SUFFIX);
            var invoker = SimpleEventHandlerInvoker.builder()
                    .eventHandlers(adapter(handlers))
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
            return TrackingEventProcessor.builder()
                    .name(projection.shadowProcessor())
                    .eventHandlerInvoker(invoker)
                    .errorHandler(PropagatingErrorHandler.instance())
                    .messageSource(eventStore)
                    .tokenStore(tokenStore)
                    .transactionManager(transactions)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forParallelProcessing(segments)
                            .andInitialSegmentsCount(segments)
                            .andBatchSize(projection.batchSize())
                            .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS)
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                    .build();
        }

        private boolean caughtUp(TrackingEventProcessor processor) {
            var segments = processor.processingStatus().values();
            return !segments.isEmpty() && segments.size() == processor.maxCapacity()
                    && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
        }

        private OptionalLong shadowPositionLive() {
            var processor = shadow;
            if (processor == null) {
                return OptionalLong.empty();
            }
            return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        }

        private Optional<Long> shadowPosition() {
            var position = shadowPositionLive();
            return position.isPresent() ? Optional.of(position.getAsLong()) : Optional.empty();
        }

        /**
         * The switch. The live processor stops (its rows and token stay as they are, readers read on);
         * the shadow runs until it has passed the live processor's stored position and stops; then one
         * transaction replaces the live rows and tokens with the shadow's.
         */
        private boolean switchOver() throws InterruptedException {
            var live = liveProcessor();
            setState(State.SWITCHING);
            live.shutDown();
            try {
                if (!awaitShadowPassing(live)) {
                    setState(State.BUILDING);
                    return false;
                }
                shadow.shutDown();
                long position = storedPositions(projection.shadowProcessor()).min().orElse(-1);
                transactions.executeInTransaction(() -> {
                    tables.withoutStatementTimeout();
                    for (var table : projection.tables()) {
                        tables.copy(projection.shadowOf(table), table);
                    }
                    jdbc.update("delete from token_entry where processor_name = ?", projection.name());
                    jdbc.update("update token_entry set processor_name = ?, owner = null where processor_name = ?",
                            projection.name(), projection.shadowProcessor());
                    if (deadLetters.count(projection.name()).isPresent()) {
                        deadLetters.evictAll(projection.name());
                    }
                    var now = Timestamp.from(Instant.now());
                    jdbc.update("""
                                    update projection_rebuilds set state = ?, position = ?, switched_at = ?,
                                           finished_at = ?, events_replayed = ?
                                    where rebuild_id = ?""",
                            State.SWITCHED.wire(), position, now, now, eventsUpTo(position), id);
                });
                finalPosition = position;
                state = State.SWITCHED;
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
            setState(State.COMPARING);
            live.shutDown();
            try {
                if (!awaitShadowPassing(live)) {
                    setState(State.BUILDING);
                    return false;
                }
                shadow.shutDown();
                var handlers = adapter(projection.shadowHandlers().apply(RebuildableProjection.SHADOW_SUFFIX));
                var livePositions = storedPositionsOf(projection.name());
                var shadowPositions = storedPositionsOf(projection.shadowProcessor());
                long from = Math.min(java.util.Arrays.stream(livePositions).min().orElse(-1),
                        java.util.Arrays.stream(shadowPositions).min().orElse(-1));
                long to = Math.max(java.util.Arrays.stream(livePositions).max().orElse(-1),
                        java.util.Arrays.stream(shadowPositions).max().orElse(-1));
                if (handledBetween(handlers, from, to)) {
                    // the shadow is ahead by an event the live model has not applied yet: let both go on
                    shadow = shadowProcessor();
                    shadow.start();
                    setState(State.BUILDING);
                    return false;
                }
                var differences = new ArrayList<Difference>();
                long count = 0;
                for (var table : projection.tables()) {
                    count += compare(table, differences);
                }
                var report = differences.size() > MAX_REPORTED ? differences.subList(0, MAX_REPORTED) : differences;
                long position = java.util.Arrays.stream(shadowPositions).min().orElse(-1);
                var now = Timestamp.from(Instant.now());
                jdbc.update("""
                                update projection_rebuilds set state = ?, position = ?, finished_at = ?,
                                       events_replayed = ?, differences = ?, report = ?
                                where rebuild_id = ?""",
                        State.COMPARED.wire(), position, now, eventsUpTo(position), count,
                        json.writeValueAsString(report), id);
                finalPosition = position;
                state = State.COMPARED;
                log.info("Drift check of {}: {} difference(s)", projection.name(), count);
                return true;
            } finally {
                live.start();
            }
        }

        /** Row by row, by primary key, every column: what only one side has, and what differs. */
        private long compare(String table, List<Difference> out) {
            String shadowTable = projection.shadowOf(table);
            var columns = tables.columns(table);
            var key = tables.primaryKey(table);
            String list = String.join(", ", columns);
            var onlyLive = jdbc.queryForList("select " + list + " from " + table + " except select " + list
                    + " from " + shadowTable);
            var onlyRebuilt = jdbc.queryForList("select " + list + " from " + shadowTable + " except select " + list
                    + " from " + table);
            var rebuiltByKey = new java.util.LinkedHashMap<List<Object>, Map<String, Object>>();
            for (var row : onlyRebuilt) {
                rebuiltByKey.put(keyOf(row, key), row);
            }
            long count = 0;
            for (var row : onlyLive) {
                var rowKey = keyOf(row, key);
                var rebuilt = rebuiltByKey.remove(rowKey);
                count++;
                if (rebuilt == null) {
                    out.add(new Difference(table, shown(table, row, key), "missing-in-rebuilt", List.of()));
                    continue;
                }
                var changed = new ArrayList<ColumnDifference>();
                for (var column : columns) {
                    if (!Objects.deepEquals(row.get(column), rebuilt.get(column))) {
                        changed.add(new ColumnDifference(column, value(table, column, row.get(column)),
                                value(table, column, rebuilt.get(column))));
                    }
                }
                out.add(new Difference(table, shown(table, row, key), "differs", changed));
            }
            for (var row : rebuiltByKey.values()) {
                count++;
                out.add(new Difference(table, shown(table, row, key), "missing-in-live", List.of()));
            }
            return count;
        }

        private List<Object> keyOf(Map<String, Object> row, List<String> key) {
            var values = new ArrayList<Object>(key.size());
            for (var column : key) {
                values.add(row.get(column));
            }
            return values;
        }

        private Map<String, String> shown(String table, Map<String, Object> row, List<String> key) {
            var shown = new java.util.LinkedHashMap<String, String>();
            for (var column : key) {
                shown.put(column, value(table, column, row.get(column)));
            }
            return shown;
        }

        private String value(String table, String column, Object value) {
            if (value == null) {
                return null;
            }
            return projection.personal(table, column) ? PERSONAL : String.valueOf(value);
        }

        /** Waits until the shadow's position is at or beyond every stored position of the stopped live processor. */
        private boolean awaitShadowPassing(StreamingEventProcessor live) throws InterruptedException {
            long target = storedPositions(projection.name()).max().orElse(-1);
            long deadline = System.nanoTime() + PASS_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && !cancelled) {
                var position = shadowPositionLive();
                if (caughtUp(shadow) && position.orElse(-1) >= target) {
                    return true;
                }
                sleep(POLL);
            }
            return false;
        }

        private void setState(State next) {
            state = next;
            jdbc.update("update projection_rebuilds set state = ? where rebuild_id = ?", next.wire(), id);
        }

        private void fail(String reason) {
            state = State.FAILED;
            error = reason;
            try {
                jdbc.update("update projection_rebuilds set state = ?, finished_at = ?, error = ? where rebuild_id = ?",
                        State.FAILED.wire(), Timestamp.from(Instant.now()),
                        reason.length() > 2000 ? reason.substring(0, 2000) : reason, id);
            } catch (RuntimeException e) {
                log.warn("Could not record the end of the {} of {}", kind.wire(), projection.name(), e);
            }
        }

        private StreamingEventProcessor liveProcessor() {
            return processing.eventProcessor(projection.name(), StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no processor " + projection.name()));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private AnnotationEventHandlerAdapter adapter(Object handlers) {
        return new AnnotationEventHandlerAdapter(handlers, axon.parameterResolverFactory(),
                axon.handlerDefinition(handlers.getClass()));
    }

    /** Whether any stored event after {@code from} up to {@code to} is one the handlers take. */
    private boolean handledBetween(AnnotationEventHandlerAdapter handlers, long from, long to) {
        if (to <= from) {
            return false;
        }
        var types = jdbc.query("select distinct payload_type, payload_revision from domain_event_entry "
                        + "where global_index > ? and global_index <= ?",
                (rs, n) -> new SimpleSerializedType(rs.getString(1), rs.getString(2)), from, to);
        Set<String> seen = new HashSet<>();
        for (var type : types) {
            if (!seen.add(type.getName())) {
                continue;
            }
            Class<?> payload = axon.eventSerializer().classForType(type);
            if (payload == UnknownSerializedType.class || handlers.canHandleType(payload)) {
                return true;
            }
        }
        return false;
    }

    /** The positions in the processor's stored tokens, read without claiming them (as DirectoryPosition does). */
    private java.util.stream.LongStream storedPositions(String processor) {
        List<Long> positions = jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (rs, n) -> position(rs.getBytes(1), rs.getString(2)), processor);
        return positions.stream().mapToLong(Long::longValue);
    }

    private long[] storedPositionsOf(String processor) {
        return storedPositions(processor).toArray();
    }

    private long position(byte[] data, String type) {
        if (data == null || type == null) {
            return -1;
        }
        TrackingToken token = axon.serializer().deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
        return token == null ? -1 : token.position().orElse(-1);
    }

    private long eventsUpTo(long position) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                position);
        return count == null ? 0 : count;
    }

    private Long head() {
        var head = eventStore.createHeadToken();
        if (head == null) {
            return null;
        }
        var position = head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    /** A run this node left unfinished (it stopped) is marked failed; its shadow tables go with the next run. */
    @Override
    public void start() {
        jdbc.update("update projection_rebuilds set state = ?, finished_at = ?, error = ? "
                        + "where finished_at is null and node = ?", State.FAILED.wire(), Timestamp.from(Instant.now()),
                "interrupted: the node stopped before the run finished", node);
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
