package io.roomservice.infra.export;

import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.StoredFile;

import java.time.Instant;
import java.util.UUID;

/**
 * An export as the API shows it (snake_case on the wire). The file URLs are set once the export is
 * completed; {@code export_file_sha256} is also the download's ETag.
 */
public record ExportResponse(UUID uuid, UUID roomUuid, String roomName, String exportType, String state,
                             long messageCount, long mediaCount, String errorMessage, String requestedBy,
                             String exportFileUrl, Long exportFileSize, String exportFileSha256,
                             String mediaFileUrl, Long mediaFileSize, String mediaFileSha256,
                             Instant created, Instant startedAt, Instant completedAt) {

    static ExportResponse of(ExportView export) {
        StoredFile json = export.file(StoredFile.EXPORT).orElse(null);
        StoredFile media = export.file(StoredFile.MEDIA).orElse(null);
        String base = "/api/matrix/exports/" + export.exportId() + "/download/";
        return new ExportResponse(export.exportId().value(), export.roomId().value(), export.roomName(),
                export.type().wireName(), export.state().wireName(), export.messageCount(), export.mediaCount(),
                export.errorMessage(), export.requestedBy(),
                json == null ? null : base + "export/", json == null ? null : json.size(),
                json == null ? null : json.sha256(),
                media == null ? null : base + "media/", media == null ? null : media.size(),
                media == null ? null : media.sha256(),
                export.created(), export.startedAt(), export.completedAt());
    }
}
