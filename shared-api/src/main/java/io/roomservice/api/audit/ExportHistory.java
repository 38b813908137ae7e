package io.roomservice.api.audit;

import io.roomservice.api.export.ExportId;

import java.util.List;

public record ExportHistory(ExportId exportId, List<AuditEntry> events) {
}
