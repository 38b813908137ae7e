package io.roomservice.api.audit;

import io.roomservice.api.export.ExportId;

/** Answers an {@link ExportHistory}: every event of the history export, in order. */
public record FindExportHistory(ExportId exportId) {
}
