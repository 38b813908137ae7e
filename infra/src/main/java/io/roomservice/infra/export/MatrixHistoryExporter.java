package io.roomservice.infra.export;

import io.roomservice.api.export.StoredFile;
import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.sagas.export.ExportFiles;
import io.roomservice.sagas.export.HistoryExporter;
import io.roomservice.sagas.export.RunHistoryExport;
import io.roomservice.sagas.homeserver.HomeserverException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports a room as the bot: pages {@code /messages} forwards from the room's first event, so the
 * messages come in chronological order and only one page is ever held; each page's messages go to a
 * scratch file at once (and their media into the ZIP), and the JSON document is then written with its
 * counts first ({@code room_id, room_name, exported_at, message_count, media_count, messages}) by
 * copying the scratch file after the header. Both files are committed only when whole.
 */
public class MatrixHistoryExporter implements HistoryExporter {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MatrixConnections connections;
    private final ExportFiles files;
    private final int pageSize;
    private final Clock clock;

    public MatrixHistoryExporter(MatrixConnections connections, ExportFiles files, int pageSize, Clock clock) {
        this.connections = connections;
        this.files = files;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    static String exportName(RunHistoryExport job) {
        return job.roomId() + "/" + job.exportId() + ".json";
    }

    static String mediaName(RunHistoryExport job) {
        return job.roomId() + "/" + job.exportId() + "-media.zip";
    }

    @Override
    public Result export(RunHistoryExport job) {
        MatrixClient client = connections.require().client();
        String scratchName = job.roomId() + "/" + job.exportId() + FilesystemExportFiles.SCRATCH;
        try (ExportFiles.PendingFile scratch = files.create("scratch", scratchName);
             ExportFiles.PendingFile media = job.media() ? files.create(StoredFile.MEDIA, mediaName(job)) : null) {
            String roomName = roomName(client, job.matrixRoomId());
            String exportedAt = clock.instant().toString();
            Counts counts = new Counts();
            try (JsonGenerator messages = JSON.createGenerator(scratch.stream());
                 ZipOutputStream zip = media == null ? null : zip(media.stream())) {
                messages.writeStartArray();
                String from = null;
                do {
                    MatrixClient.Messages page = client.messagesForward(job.matrixRoomId(), from, pageSize);
                    for (JsonNode event : page.chunk()) {
                        writeMessage(client, messages, zip, event, counts);
                    }
                    from = page.chunk().isEmpty() ? null : page.end();
                } while (from != null);
                messages.writeEndArray();
                messages.flush();
                if (zip != null) {
                    zip.finish();
                }
            }
            // a committed scratch file only so that it can be read back; removed below on every path
            scratch.commit();
            List<StoredFile> stored = new ArrayList<>();
            try (ExportFiles.PendingFile document = files.create(StoredFile.EXPORT, exportName(job))) {
                writeDocument(document.stream(), job.matrixRoomId(), roomName, exportedAt, counts, scratchName);
                stored.add(document.commit());
            } finally {
                files.delete(scratchName);
            }
            if (media != null) {
                stored.add(media.commit());
            }
            return new Result(counts.messages, counts.media, stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (tools.jackson.core.exc.JacksonIOException e) {
            throw new UncheckedIOException(e.getCause() != null ? e.getCause() : new IOException(e));
        }
    }

    private static ZipOutputStream zip(OutputStream out) {
        ZipOutputStream zip = new ZipOutputStream(out);
        // media are mostly compressed already: spend little time trying
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    private static final class Counts {
        long messages;
        long media;
    }

    private static void writeMessage(MatrixClient client, JsonGenerator out, ZipOutputStream zip, JsonNode event,
                                     Counts counts) throws IOException {
        out.writeStartObject();
        out.writeStringProperty("event_id", event.path("event_id").asString(null));
        out.writeStringProperty("sender", event.path("sender").asString(null));
        out.writeNumberProperty("origin_server_ts", event.path("origin_server_ts").asLong(0));
        out.writeStringProperty("type", event.path("type").asString(null));
        if (event.has("state_key")) {
            out.writeStringProperty("state_key", event.path("state_key").asString(""));
        }
        out.writeName("content");
        out.writeTree(event.path("content").isObject() ? event.get("content") : JSON.createObjectNode());
        if (zip != null) {
            String mediaPath = archiveMedia(client, zip, event);
            if (mediaPath != null) {
                out.writeStringProperty("media_path", mediaPath);
                counts.media++;
            }
        }
        out.writeEndObject();
        // one message a line, which keeps a large export readable with line tools
        out.writeRaw('\n');
        counts.messages++;
    }

    /**
     * The event's {@code content.url} into the ZIP, named {@code media/<event id>_<body>}. Media the
     * homeserver no longer has (a permanent failure: 404, a quarantine) are skipped; a transient
     * failure ends the run, which the queue retries from the start.
     */
    private static String archiveMedia(MatrixClient client, ZipOutputStream zip, JsonNode event) throws IOException {
        String url = event.path("content").path("url").asString("");
        if (!url.startsWith("mxc://")) {
            return null;
        }
        String[] parts = url.substring("mxc://".length()).split("/", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        String path = "media/" + safe(event.path("event_id").asString("event")) + "_"
                + safe(event.path("content").path("body").asString("file"));
        zip.putNextEntry(new ZipEntry(path));
        try {
            client.downloadMedia(parts[0], parts[1], zip);
        } catch (HomeserverException failure) {
            if (failure.isTransient()) {
                throw failure;
            }
            zip.closeEntry();
            return null;
        }
        zip.closeEntry();
        return path;
    }

    static String safe(String text) {
        String cleaned = text.replaceAll("[^\\w\\-.]", "_");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    /**
     * The header's fields as a JSON object without its closing brace, then {@code "messages":} and the
     * scratch file's array as it is, then the brace: the document is never parsed or held whole.
     */
    private void writeDocument(OutputStream out, String matrixRoomId, String roomName, String exportedAt,
                               Counts counts, String scratchName) throws IOException {
        var header = JSON.createObjectNode();
        header.put("room_id", matrixRoomId);
        header.put("room_name", roomName);
        header.put("exported_at", exportedAt);
        header.put("message_count", counts.messages);
        header.put("media_count", counts.media);
        String fields = JSON.writeValueAsString(header);
        out.write((fields.substring(0, fields.length() - 1) + ",\"messages\":").getBytes(StandardCharsets.UTF_8));
        try (InputStream messages = files.open(scratchName)) {
            messages.transferTo(out);
        }
        out.write("}\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String roomName(MatrixClient client, String matrixRoomId) {
        try {
            return client.stateEvent(matrixRoomId, "m.room.name", "").path("name").asString(null);
        } catch (HomeserverException noName) {
            if (noName.isTransient()) {
                throw noName;
            }
            return null;
        }
    }
}
