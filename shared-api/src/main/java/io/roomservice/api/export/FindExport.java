package io.roomservice.api.export;

/** Answers an {@link ExportView}, or null. */
public record FindExport(ExportId exportId) {
}
