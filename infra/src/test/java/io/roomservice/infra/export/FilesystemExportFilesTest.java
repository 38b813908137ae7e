package io.roomservice.infra.export;

import io.roomservice.api.export.StoredFile;
import io.roomservice.sagas.export.ExportFiles;
import io.roomservice.sagas.export.StorageFailures;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The export storage on a real directory: whole files or none, clear failures, no leftovers kept. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilesystemExportFilesTest {

    @TempDir
    Path root;

    private FilesystemExportFiles files() {
        return new FilesystemExportFiles(root);
    }

    private List<Path> everything() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void a_committed_file_appears_whole_under_its_name_with_size_and_sha256() throws Exception {
        byte[] content = "{\"messages\":[]}\n".getBytes(StandardCharsets.UTF_8);
        StoredFile stored;
        try (ExportFiles.PendingFile pending = files().create(StoredFile.EXPORT, "room/export.json")) {
            pending.stream().write(content);
            assertThat(root.resolve("room/export.json")).as("nothing under the name before the commit").doesNotExist();
            stored = pending.commit();
        }

        assertThat(root.resolve("room/export.json")).hasBinaryContent(content);
        assertThat(stored).isEqualTo(new StoredFile(StoredFile.EXPORT, "room/export.json", content.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))));
        assertThat(everything()).containsExactly(root.resolve("room/export.json"));
    }

    @Test
    void an_interrupted_write_leaves_the_earlier_file_as_it_was_and_no_part_file() throws Exception {
        Files.createDirectories(root.resolve("room"));
        Files.writeString(root.resolve("room/export.json"), "earlier run");

        try (ExportFiles.PendingFile pending = files().create(StoredFile.EXPORT, "room/export.json")) {
            pending.stream().write("half of a new docu".getBytes(StandardCharsets.UTF_8));
            pending.stream().flush();
            // the run fails here: closed without commit
        }

        assertThat(root.resolve("room/export.json")).hasContent("earlier run");
        assertThat(everything()).containsExactly(root.resolve("room/export.json"));
    }

    @Test
    void a_write_cut_short_by_a_crash_leaves_only_a_part_file_never_the_name() throws Exception {
        ExportFiles.PendingFile pending = files().create(StoredFile.EXPORT, "room/export.json");
        pending.stream().write(new byte[200_000]);
        pending.stream().flush();
        // the node dies: neither commit nor close

        assertThat(root.resolve("room/export.json")).doesNotExist();
        assertThat(everything()).singleElement()
                .satisfies(part -> assertThat(part.getFileName().toString()).endsWith(FilesystemExportFiles.PART));
        pending.close();
    }

    @Test
    void an_unwritable_directory_fails_with_permission_denied_and_leaves_nothing() throws Exception {
        Path room = Files.createDirectories(root.resolve("room"));
        Files.setPosixFilePermissions(room, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(room), "running as root: file permissions do not stop root");

            assertThatThrownBy(() -> files().create(StoredFile.EXPORT, "room/export.json"))
                    .isInstanceOfSatisfying(IOException.class, failure -> {
                        assertThat(StorageFailures.describe(failure)).isEqualTo("permission denied");
                        assertThat(StorageFailures.describe(failure)).doesNotContain(root.toString());
                    });
            assertThat(everything()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(room, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void a_name_outside_the_directory_is_refused() {
        assertThatThrownBy(() -> files().create(StoredFile.EXPORT, "../elsewhere.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leftovers_older_than_a_day_go_and_export_files_and_running_writes_stay() throws Exception {
        Path room = Files.createDirectories(root.resolve("room"));
        Path oldPart = aged(room.resolve(".export.json123.part"), Duration.ofDays(2));
        Path oldScratch = aged(room.resolve("export.messages"), Duration.ofDays(2));
        Path recentScratch = aged(room.resolve("running.messages"), Duration.ofHours(1));
        Path recentPart = aged(room.resolve(".running.json456.part"), Duration.ofHours(1));
        Path oldExport = aged(room.resolve("export.json"), Duration.ofDays(400));
        Path oldMedia = aged(room.resolve("export-media.zip"), Duration.ofDays(400));

        assertThat(files().purgeAbandoned(Duration.ofDays(1))).isEqualTo(2);

        assertThat(oldPart).doesNotExist();
        assertThat(oldScratch).doesNotExist();
        assertThat(everything()).containsExactlyInAnyOrder(recentScratch, recentPart, oldExport, oldMedia);
    }

    @Test
    void no_directory_yet_means_nothing_to_purge() throws Exception {
        assertThat(new FilesystemExportFiles(root.resolve("not-yet")).purgeAbandoned(Duration.ofDays(1))).isZero();
    }

    private static Path aged(Path file, Duration age) throws IOException {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
