package io.roomservice.api.export;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The export could not be made; the reason is meant for people and never holds a token. */
public record FailExport(@TargetAggregateIdentifier ExportId exportId, String reason) {
}
