package io.roomservice.query.export;

import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.ListExports;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading export rows, with their room's project and customer (null once the room record is gone). */
final class ExportRows {

    static final String SELECT = """
            select e.*, r.project_id, r.customer_id, r.name as room_name
            from history_exports e left join rooms r on r.room_id = e.room_id""";

    private static final int MAX_ERROR = 2000;

    private ExportRows() {
    }

    static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    /** Callers who do not see everything see the exports of the rooms of their projects and owned customers. */
    static void visibility(ListExports query, StringBuilder where, List<Object> args) {
        if (query.visibleProjects() == null && query.visibleCustomers() == null) {
            return;
        }
        var visible = new ArrayList<String>();
        if (query.visibleProjects() != null) {
            query.visibleProjects().forEach(project -> {
                visible.add("r.project_id = ?");
                args.add(project.value());
            });
        }
        if (query.visibleCustomers() != null) {
            query.visibleCustomers().forEach(customer -> {
                visible.add("r.customer_id = ?");
                args.add(customer.value());
            });
        }
        where.append(visible.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", visible) + ")");
    }

    static ExportView view(ResultSet row, int rowNumber) throws SQLException {
        List<StoredFile> files = new ArrayList<>();
        if (row.getString("export_file") != null) {
            files.add(new StoredFile(StoredFile.EXPORT, row.getString("export_file"), row.getLong("export_size"),
                    row.getString("export_sha256")));
        }
        if (row.getString("media_file") != null) {
            files.add(new StoredFile(StoredFile.MEDIA, row.getString("media_file"), row.getLong("media_size"),
                    row.getString("media_sha256")));
        }
        UUID project = row.getObject("project_id", UUID.class);
        UUID customer = row.getObject("customer_id", UUID.class);
        return new ExportView(new ExportId(row.getObject("export_id", UUID.class)),
                new RoomId(row.getObject("room_id", UUID.class)), project == null ? null : new ProjectId(project),
                customer == null ? null : new CustomerId(customer), row.getString("room_name"),
                ExportType.valueOf(row.getString("export_type")), ExportState.valueOf(row.getString("state")),
                row.getLong("message_count"), row.getLong("media_count"), row.getString("error_message"),
                row.getString("requested_by"), List.copyOf(files), instant(row, "created"),
                instant(row, "started_at"), instant(row, "completed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
