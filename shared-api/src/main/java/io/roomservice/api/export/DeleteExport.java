package io.roomservice.api.export;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The export's files were removed (retention, or a disabling with delete_history); so goes its record. */
public record DeleteExport(@TargetAggregateIdentifier ExportId exportId) {
}
