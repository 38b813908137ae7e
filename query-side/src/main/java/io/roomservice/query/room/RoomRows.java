package io.roomservice.query.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The room list's rows, written a batch of events at a time: the projection changes rows in memory
 * while its processor handles a batch, and every insert, update and delete of the batch goes to the
 * database as one JDBC batch each, in the batch's transaction, just before it commits together with
 * the processor's token. A rebuild thereby writes hundreds of rows per round trip instead of one.
 */
final class RoomRows {

    private static final String RESOURCE_PREFIX = RoomRows.class.getName() + ":";
    private static final String COLUMNS =
            "room_id, project_id, customer_id, name, alias, matrix_room_id, state, error_message, created, modified";

    private final JdbcTemplate jdbc;
    private final String table;
    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    private RoomRows(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * The rows of {@code table} in the current unit of work (the processor's batch), flushed when it
     * prepares to commit. The table is {@code rooms}, or a rebuild's shadow table beside it.
     */
    static RoomRows ofCurrentBatch(JdbcTemplate jdbc, String table) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the room projection writes inside an event processor's unit of work");
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE_PREFIX + table, key -> {
            var batch = new RoomRows(jdbc, table);
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    /** The room as this batch has it so far, or as stored, or null when there is no row. */
    RoomView find(RoomId roomId) {
        var row = rows.get(roomId.value());
        if (row != null) {
            return row.deleted ? null : row.view;
        }
        var stored = load(roomId.value());
        if (stored != null) {
            rows.put(roomId.value(), new Row(stored, true));
        }
        return stored;
    }

    /** A room's first row: it cannot exist yet, as the token commits with the rows, so no look-up. */
    void insert(RoomView view) {
        rows.put(view.roomId().value(), new Row(view, false));
    }

    /** Only for a room that {@link #find} returned. */
    void update(RoomView view) {
        rows.get(view.roomId().value()).view = view;
    }

    void delete(RoomId roomId) {
        if (find(roomId) != null) {
            rows.get(roomId.value()).deleted = true;
        }
    }

    private void flush() {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (var row : rows.values()) {
            if (row.deleted) {
                if (row.stored) {
                    deletes.add(new Object[]{row.view.roomId().value()});
                }
            } else if (row.stored) {
                updates.add(updateParameters(row.view));
            } else {
                inserts.add(insertParameters(row.view));
            }
        }
        rows.clear();
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("delete from " + table + " where room_id = ?", deletes);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update %s set project_id = ?, customer_id = ?, name = ?, alias = ?, matrix_room_id = ?,
                        state = ?, error_message = ?, created = ?, modified = ?
                    where room_id = ?""".formatted(table), updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
    }

    /** The insert's parameters: every column in the order of {@link #COLUMNS}, the id first. */
    private static Object[] insertParameters(RoomView view) {
        return new Object[]{view.roomId().value(), view.projectId().value(), view.customerId().value(), view.name(),
                view.alias(), view.matrixRoomId(), view.state().name(), view.errorMessage(), utc(view.created()),
                utc(view.modified())};
    }

    /** The update's parameters: the same columns without the id, then the id its where clause asks for. */
    private static Object[] updateParameters(RoomView view) {
        Object[] insert = insertParameters(view);
        Object[] update = Arrays.copyOfRange(insert, 1, insert.length + 1);
        update[update.length - 1] = insert[0];
        return update;
    }

    private RoomView load(UUID roomId) {
        return jdbc.query("select " + COLUMNS + " from " + table + " where room_id = ?", rs -> rs.next()
                ? new RoomView(new RoomId(rs.getObject(1, UUID.class)), new ProjectId(rs.getObject(2, UUID.class)),
                        new CustomerId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getString(5), rs.getString(6),
                        RoomState.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getObject(10, OffsetDateTime.class).toInstant())
                : null, roomId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static final class Row {
        RoomView view;
        final boolean stored;
        boolean deleted;

        Row(RoomView view, boolean stored) {
            this.view = view;
            this.stored = stored;
        }
    }
}
