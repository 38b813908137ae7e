package io.roomservice.infra.admin;

import io.roomservice.infra.admin.ProjectionRebuilds.Difference;
import io.roomservice.infra.admin.ProjectionRebuilds.Kind;
import io.roomservice.infra.admin.ProjectionRebuilds.RunStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The runs as recorded in {@code projection_rebuilds} (V11): one row per rebuild or drift check, kept
 * after the run so operators see the last one of each kind, whichever node ran it.
 */
final class RebuildRecords {

    /** The column is that long; a longer reason is cut rather than lose the whole record. */
    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RebuildRecords(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void started(UUID id, String projection, Kind kind, String node, Instant startedAt, Long headAtStart) {
        jdbc.update("""
                        insert into projection_rebuilds (rebuild_id, projection, kind, state, node, started_at,
                                                         head_at_start)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                id, projection, kind.wire(), RunState.BUILDING.wire(), node, Timestamp.from(startedAt), headAtStart);
    }

    void caughtUp(UUID id, Instant at) {
        jdbc.update("update projection_rebuilds set caught_up_at = ? where rebuild_id = ?", Timestamp.from(at), id);
    }

    void state(UUID id, RunState state) {
        jdbc.update("update projection_rebuilds set state = ? where rebuild_id = ?", state.wire(), id);
    }

    /** In the switch's transaction: the record says switched exactly when the live model is the rebuilt one. */
    void switched(UUID id, long position, long eventsReplayed) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("""
                        update projection_rebuilds set state = ?, position = ?, switched_at = ?,
                               finished_at = ?, events_replayed = ?
                        where rebuild_id = ?""",
                RunState.SWITCHED.wire(), position, now, now, eventsReplayed, id);
    }

    void compared(UUID id, long position, long eventsReplayed, DriftComparison.Result drift) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("""
                        update projection_rebuilds set state = ?, position = ?, finished_at = ?,
                               events_replayed = ?, differences = ?, report = ?
                        where rebuild_id = ?""",
                RunState.COMPARED.wire(), position, now, eventsReplayed, drift.count(),
                json.writeValueAsString(drift.reported()), id);
    }

    void failed(UUID id, String reason) {
        jdbc.update("update projection_rebuilds set state = ?, finished_at = ?, error = ? where rebuild_id = ?",
                RunState.FAILED.wire(), Timestamp.from(Instant.now()),
                reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason, id);
    }

    /** Runs the node left unfinished when it stopped: no thread of theirs is left to finish them. */
    void failUnfinished(String node) {
        jdbc.update("update projection_rebuilds set state = ?, finished_at = ?, error = ? "
                        + "where finished_at is null and node = ?", RunState.FAILED.wire(), Timestamp.from(Instant.now()),
                "interrupted: the node stopped before the run finished", node);
    }

    /** The projection's last run of that kind as recorded (a finished one, or one running on some node). */
    Optional<RunStatus> latest(String projection, Kind kind) {
        return jdbc.query("""
                        select rebuild_id, projection, kind, state, node, started_at, head_at_start, position,
                               caught_up_at, switched_at, finished_at, events_replayed, differences, error
                        from projection_rebuilds where projection = ? and kind = ?
                        order by started_at desc limit 1""",
                (rs, n) -> {
                    var state = RunState.valueOf(rs.getString(4).toUpperCase(Locale.ROOT));
                    Long position = (Long) rs.getObject(8, Long.class);
                    Long head = (Long) rs.getObject(7, Long.class);
                    return new RunStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            state.wire(), !state.finished(), rs.getString(5), instant(rs.getTimestamp(6)), head, head,
                            position, state.done() ? 1.0 : null, instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                            (Long) rs.getObject(12, Long.class), (Long) rs.getObject(13, Long.class), rs.getString(14));
                }, projection, kind.wire()).stream().findFirst();
    }

    /** The run's stored drift report; empty unless it finished comparing. */
    Optional<List<Difference>> report(UUID id) {
        return jdbc.query("select report from projection_rebuilds where rebuild_id = ? and report is not null",
                        (rs, n) -> rs.getString(1), id).stream().findFirst()
                .map(text -> json.readValue(text, new TypeReference<List<Difference>>() {
                }));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
