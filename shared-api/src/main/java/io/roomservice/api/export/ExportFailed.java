package io.roomservice.api.export;

public record ExportFailed(ExportId exportId, String reason) implements ExportEvent {
}
