package io.roomservice.api.export;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Every file of the export is stored in full. */
public record CompleteExport(@TargetAggregateIdentifier ExportId exportId, long messageCount, long mediaCount,
                             List<StoredFile> files) {
}
