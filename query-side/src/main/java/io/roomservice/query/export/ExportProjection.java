package io.roomservice.query.export;

import io.roomservice.api.export.ExportCompleted;
import io.roomservice.api.export.ExportDeleted;
import io.roomservice.api.export.ExportFailed;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportRequested;
import io.roomservice.api.export.ExportStarted;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.FindExport;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.api.export.ListExports;
import io.roomservice.api.export.StoredFile;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The exports list: one row per export that was not deleted, with its files. Rebuildable: a reset
 * empties the table and a replay of the export events fills it again.
 */
@Component
@ProcessingGroup(ExportProjection.PROCESSING_GROUP)
public class ExportProjection {

    public static final String PROCESSING_GROUP = "exports";

    private final JdbcTemplate jdbc;

    public ExportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ExportRequested event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        insert into history_exports (export_id, room_id, export_type, state, message_count, media_count,
                                                     requested_by, created)
                        values (?, ?, ?, ?, 0, 0, ?, ?)""",
                event.exportId().value(), event.roomId().value(), event.type().name(), ExportState.PENDING.name(),
                event.requestedBy(), Timestamp.from(at));
    }

    @EventHandler
    void on(ExportStarted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("update history_exports set state = ?, started_at = ? where export_id = ?",
                ExportState.EXPORTING.name(), Timestamp.from(at), event.exportId().value());
    }

    @EventHandler
    void on(ExportCompleted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        StoredFile export = file(event.files(), StoredFile.EXPORT);
        StoredFile media = file(event.files(), StoredFile.MEDIA);
        jdbc.update("""
                        update history_exports set state = ?, message_count = ?, media_count = ?, completed_at = ?,
                               export_file = ?, export_size = ?, export_sha256 = ?,
                               media_file = ?, media_size = ?, media_sha256 = ?
                        where export_id = ?""",
                ExportState.COMPLETED.name(), event.messageCount(), event.mediaCount(), Timestamp.from(at),
                export == null ? null : export.name(), export == null ? null : export.size(),
                export == null ? null : export.sha256(), media == null ? null : media.name(),
                media == null ? null : media.size(), media == null ? null : media.sha256(), event.exportId().value());
    }

    @EventHandler
    void on(ExportFailed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("update history_exports set state = ?, error_message = ?, completed_at = ? where export_id = ?",
                ExportState.FAILED.name(), ExportRows.truncate(event.reason()), Timestamp.from(at),
                event.exportId().value());
    }

    @EventHandler
    void on(ExportDeleted event) {
        jdbc.update("delete from history_exports where export_id = ?", event.exportId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from history_exports");
    }

    @QueryHandler
    public ExportView handle(FindExport query) {
        return jdbc.query(ExportRows.SELECT + " where e.export_id = ?", ExportRows::view, query.exportId().value())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public ExportPage handle(ListExports query) {
        var where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.roomId() != null) {
            where.append(" and e.room_id = ?");
            args.add(query.roomId().value());
        }
        if (query.state() != null) {
            where.append(" and e.state = ?");
            args.add(query.state().name());
        }
        if (query.type() != null) {
            where.append(" and e.export_type = ?");
            args.add(query.type().name());
        }
        ExportRows.visibility(query, where, args);
        Long total = jdbc.queryForObject("select count(*) from history_exports e left join rooms r on r.room_id = e.room_id"
                + where, Long.class, args.toArray());
        args.add(query.pageSize());
        args.add((long) query.page() * query.pageSize());
        List<ExportView> page = jdbc.query(ExportRows.SELECT + where + " order by e.created desc, e.export_id limit ? offset ?",
                ExportRows::view, args.toArray());
        return new ExportPage(page, total == null ? 0 : total);
    }

    /** Retention leaves pending and running exports alone, and each room's newest completed one. */
    @QueryHandler
    public ExportPage handle(FindExportsToDelete query) {
        List<ExportView> exports;
        if (query.roomId() != null) {
            exports = jdbc.query(ExportRows.SELECT + " where e.room_id = ?", ExportRows::view, query.roomId().value());
        } else {
            exports = jdbc.query(ExportRows.SELECT + """
                             where e.created < ? and e.state in ('COMPLETED', 'FAILED')
                               and not (e.state = 'COMPLETED' and e.created = (select max(c.created) from history_exports c
                                        where c.room_id = e.room_id and c.state = 'COMPLETED'))
                            order by e.created""",
                    ExportRows::view, Timestamp.from(query.createdBefore()));
        }
        return new ExportPage(exports, exports.size());
    }

    private static StoredFile file(List<StoredFile> files, String kind) {
        return files.stream().filter(f -> kind.equals(f.kind())).findFirst().orElse(null);
    }
}
