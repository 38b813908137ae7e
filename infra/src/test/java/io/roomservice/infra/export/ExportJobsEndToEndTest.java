package io.roomservice.infra.export;

import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.export.ExportFiles;
import io.roomservice.sagas.export.HistoryExporter;
import io.roomservice.sagas.export.RunHistoryExport;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recurring export jobs: the periodic export asks once per active room and day however often it
 * runs, and retention picks old exports but never a room's newest completed one, and deletes the old
 * ones with their files. Exports here are made by {@link WrittenExports}, which stores small files as
 * the real exporter does without a homeserver: what is under test is what happens to them afterwards.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {"roomservice.exports.enabled=true",
        "roomservice.exports.directory=target/exports-jobs-e2e"})
class ExportJobsEndToEndTest extends EndToEndTest {

    @Autowired
    ExportJobs jobs;

    @Autowired
    QueryGateway queries;

    @Autowired
    CommandGateway commands;

    @Autowired
    ExportProperties properties;

    /** Each export gets a document and a media ZIP, stored through the real export storage. */
    @TestConfiguration
    static class WrittenExports {

        @Bean
        @Primary
        HistoryExporter writtenExporter(ExportFiles files) {
            return job -> {
                List<StoredFile> stored = new ArrayList<>();
                for (String name : List.of(MatrixHistoryExporter.exportName(job), MatrixHistoryExporter.mediaName(job))) {
                    try (ExportFiles.PendingFile file = files.create(
                            name.endsWith(".zip") ? StoredFile.MEDIA : StoredFile.EXPORT, name)) {
                        file.stream().write(("export " + job.exportId()).getBytes(StandardCharsets.UTF_8));
                        stored.add(file.commit());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return new HistoryExporter.Result(1, 1, stored);
            };
        }
    }

    private long periodicExportsOf(String room) {
        var listed = api.get("/api/matrix/exports/?room_uuid=" + room + "&export_type=periodic", TestTokens.staff());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return Long.parseLong(listed.header("X-Result-Count"));
    }

    @Test
    void the_periodic_export_asks_once_per_active_room_and_day_however_often_it_runs() {
        String first = activeRoom("Periodic one");
        String second = activeRoom("Periodic two");

        assertThat(jobs.exportActiveRooms()).isGreaterThanOrEqualTo(2);
        jobs.exportActiveRooms();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(periodicExportsOf(first)).isOne();
            assertThat(periodicExportsOf(second)).isOne();
        });
    }

    @Test
    void retention_picks_old_exports_but_keeps_each_rooms_newest_completed_one() {
        UUID room = UUID.randomUUID();
        Instant old = Instant.now().minus(Duration.ofDays(200));
        UUID olderCompleted = row(room, "COMPLETED", old);
        UUID newestCompleted = row(room, "COMPLETED", old.plusSeconds(60));
        UUID failed = row(room, "FAILED", old.plusSeconds(120));
        UUID running = row(room, "EXPORTING", old.plusSeconds(180));
        UUID otherRoom = UUID.randomUUID();
        UUID oldButNotTheNewest = row(otherRoom, "COMPLETED", old);
        UUID recent = row(otherRoom, "COMPLETED", Instant.now());

        var picked = queries.query(new FindExportsToDelete(null, Instant.now().minus(Duration.ofDays(90))),
                ResponseTypes.instanceOf(ExportPage.class)).join().exports().stream()
                .map(export -> export.exportId().value()).toList();

        assertThat(picked).contains(olderCompleted, failed, oldButNotTheNewest)
                .doesNotContain(newestCompleted, running, recent);
    }

    @Test
    void retention_deletes_old_exports_with_their_files_and_keeps_each_rooms_newest_completed_one() {
        RoomId room = RoomId.random();
        ExportId oldest = completedExport(room);
        ExportId older = completedExport(room);
        ExportId newest = completedExport(room);
        RoomId otherRoom = RoomId.random();
        ExportId onlyOne = completedExport(otherRoom);
        Instant longAgo = Instant.now().minus(Duration.ofDays(300));
        createdAt(oldest, longAgo);
        createdAt(older, longAgo.plusSeconds(60));
        createdAt(newest, longAgo.plusSeconds(120));
        createdAt(onlyOne, longAgo);
        List<Path> oldFiles = filesOf(room, oldest, older);
        assertThat(oldFiles).hasSize(4).allSatisfy(file -> assertThat(file).exists());

        assertThat(jobs.applyRetention()).isGreaterThanOrEqualTo(2);

        assertThat(oldFiles).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(filesOf(room, newest)).allSatisfy(file -> assertThat(file).exists());
        assertThat(filesOf(otherRoom, onlyOne)).allSatisfy(file -> assertThat(file).exists());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stateOf(oldest)).isNull();
            assertThat(stateOf(older)).isNull();
        });
        assertThat(stateOf(newest)).isEqualTo("COMPLETED");
        assertThat(stateOf(onlyOne)).isEqualTo("COMPLETED");
    }

    private ExportId completedExport(RoomId room) {
        ExportId export = ExportId.random();
        SystemCommands.sendAndWait(commands, new RequestExport(export, room, "!" + room + ":example.org",
                ExportType.PERIODIC, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(stateOf(export)));
        return export;
    }

    private String stateOf(ExportId export) {
        return jdbc.query("select state from history_exports where export_id = ?",
                rows -> rows.next() ? rows.getString(1) : null, export.value());
    }

    /** The projection's row as if the export had been asked for then; retention decides by this. */
    private void createdAt(ExportId export, Instant created) {
        jdbc.update("update history_exports set created = ? where export_id = ?", Timestamp.from(created),
                export.value());
    }

    private List<Path> filesOf(RoomId room, ExportId... exports) {
        Path root = properties.directory().toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        for (ExportId export : exports) {
            var job = new RunHistoryExport(export, room, null, true, ExportType.PERIODIC);
            paths.add(root.resolve(MatrixHistoryExporter.exportName(job)));
            paths.add(root.resolve(MatrixHistoryExporter.mediaName(job)));
        }
        return paths;
    }

    /** A row of the exports read model, as the projection would have written it. */
    private UUID row(UUID room, String state, Instant created) {
        UUID export = UUID.randomUUID();
        jdbc.update("""
                insert into history_exports (export_id, room_id, export_type, state, message_count, media_count, created)
                values (?, ?, 'PERIODIC', ?, 0, 0, ?)""", export, room, state, Timestamp.from(created));
        return export;
    }
}
