package io.roomservice.api.export;

/** Every event of a history export names it. */
public interface ExportEvent {
    ExportId exportId();
}
