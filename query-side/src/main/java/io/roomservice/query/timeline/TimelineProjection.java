package io.roomservice.query.timeline;

import io.roomservice.api.matrix.FindRoomTimeline;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.api.matrix.RoomTimeline;
import io.roomservice.api.matrix.TimelineEntry;
import io.roomservice.api.user.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened in the Matrix rooms: messages and membership changes as the homeserver pushed them,
 * one row per Matrix event. A Matrix event the homeserver pushed twice (in two transactions) keeps
 * its first row. Rows are keyed by the Matrix room, so a room's timeline is what its current Matrix
 * room saw; after a reprovisioning the old room's rows stay under the old Matrix room id. A message
 * body is kept with its person ({@code body_subject}) and emptied when that person is erased; a replay
 * after the erasure reads it as erased.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    public static final String PROCESSING_GROUP = "timeline";

    /** The live table, which the queries read. */
    public static final String TABLE = "room_timeline";

    private static final String INSERT = """
            insert into %1$s (matrix_event_id, matrix_room_id, event_type, sender, state_key, membership,
                              msgtype, body, body_subject, origin_server_ts, received_at)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            where not exists (select 1 from %1$s where matrix_event_id = ?)""";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String insert;

    @Autowired
    public TimelineProjection(JdbcTemplate jdbc) {
        this(jdbc, TABLE);
    }

    private TimelineProjection(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.insert = INSERT.formatted(table);
    }

    /** The projection's event handling writing {@code table}, a shadow of {@code room_timeline} (a rebuild). */
    public static TimelineProjection writingTo(String table, JdbcTemplate jdbc) {
        return new TimelineProjection(jdbc, table);
    }

    @EventHandler
    void on(HomeserverTransactionReceived transaction, @org.axonframework.eventhandling.Timestamp Instant receivedAt) {
        Timestamp received = Timestamp.from(receivedAt);
        List<Object[]> rows = new ArrayList<>(transaction.events().size());
        for (MatrixRoomEvent e : transaction.events()) {
            // the timeline shows messages and membership changes, as it always did: a reaction, redaction or
            // name change (kept for the internal gateway) would read as a message without a body here
            if (!e.isRoomMessage() && !e.isMembershipChange()) {
                continue;
            }
            String eventId = MatrixText.store(e.eventId());
            rows.add(new Object[] {eventId, MatrixText.store(e.roomId()), MatrixText.store(e.type()),
                    MatrixText.store(e.sender()), MatrixText.store(e.stateKey()), MatrixText.store(e.membership()),
                    MatrixText.store(e.msgtype()), MatrixText.store(e.body() == null ? null : e.body().value()),
                    e.body() == null ? null : e.body().subject(), Timestamp.from(e.originServerTs()), received,
                    eventId});
        }
        jdbc.batchUpdate(insert, rows);
    }

    /** What the person wrote, and what the bot said about them, is no longer shown. */
    @EventHandler
    void on(PersonalDataErased erased) {
        jdbc.update("update " + table + " set body = null where body_subject = ?", erased.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + table);
    }

    @QueryHandler
    public RoomTimeline handle(FindRoomTimeline query) {
        List<TimelineEntry> events = new ArrayList<>(jdbc.query("""
                        select t.matrix_event_id, t.matrix_room_id, t.event_type, t.sender, t.state_key, t.membership,
                               t.msgtype, t.body, t.body_subject, t.origin_server_ts
                        from room_timeline t join rooms r on r.matrix_room_id = t.matrix_room_id
                        where r.room_id = ?
                        order by t.origin_server_ts desc, t.received_at desc
                        limit ?""",
                (rs, row) -> new TimelineEntry(text(rs, 1), text(rs, 2), text(rs, 3), text(rs, 4), text(rs, 5),
                        text(rs, 6), text(rs, 7), text(rs, 8), rs.getString(8) == null && rs.getObject(9) != null,
                        rs.getTimestamp(10).toInstant()),
                query.roomId().value(), query.limit()));
        Collections.reverse(events);
        return new RoomTimeline(query.roomId(), events);
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        return MatrixText.read(rs.getString(column));
    }
}
