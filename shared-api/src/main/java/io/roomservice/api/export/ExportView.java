package io.roomservice.api.export;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;

import java.time.Instant;
import java.util.List;

/**
 * An export as the read side shows it. {@code projectId}, {@code customerId} and {@code roomName} are
 * the room's (null once the room record was deleted): they decide who sees the export.
 */
public record ExportView(ExportId exportId, RoomId roomId, ProjectId projectId, CustomerId customerId,
                         String roomName, ExportType type, ExportState state, long messageCount, long mediaCount,
                         String errorMessage, String requestedBy, List<StoredFile> files, Instant created,
                         Instant startedAt, Instant completedAt) {

    public java.util.Optional<StoredFile> file(String kind) {
        return files.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }
}
