package io.roomservice.api.export;

public record ExportStarted(ExportId exportId) implements ExportEvent {
}
