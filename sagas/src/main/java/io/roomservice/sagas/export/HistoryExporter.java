package io.roomservice.sagas.export;

import io.roomservice.api.export.StoredFile;

import java.util.List;

/**
 * Makes one export: pages the room's messages as the bot, downloads its media when asked, and stores
 * the files. Throws {@link io.roomservice.sagas.homeserver.HomeserverException} when the homeserver
 * fails (transient ones are retried by the work queue) and {@link java.io.UncheckedIOException} when
 * the storage does; a run that fails leaves no complete file behind under the export's names other
 * than one a later run replaces.
 */
public interface HistoryExporter {

    Result export(RunHistoryExport job);

    record Result(long messageCount, long mediaCount, List<StoredFile> files) {
    }
}
