package io.roomservice.api.export;

import java.util.List;

public record ExportCompleted(ExportId exportId, long messageCount, long mediaCount, List<StoredFile> files)
        implements ExportEvent {
}
