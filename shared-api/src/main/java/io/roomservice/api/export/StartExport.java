package io.roomservice.api.export;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The export's work began paging the room (again, after a restart: then nothing new is recorded). */
public record StartExport(@TargetAggregateIdentifier ExportId exportId) {
}
