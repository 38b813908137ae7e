package io.roomservice.infra.export;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Retention's clean-up of crash leftovers does not depend on whether old exports are deleted. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportJobsTest {

    @TempDir
    Path root;

    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);

    @Test
    void keeping_every_export_still_removes_what_crashed_runs_left_behind() throws IOException {
        Path room = Files.createDirectories(root.resolve("room"));
        Path part = aged(room.resolve(".export.json1.part"));
        Path scratch = aged(room.resolve("export.messages"));
        Path export = aged(room.resolve("export.json"));
        var keepEverything = new ExportProperties(true, false, root, "0 0 2 * * *", 0, "0 30 3 * * *", 1000);
        var jobs = new ExportJobs(keepEverything, new FilesystemExportFiles(root), queries, commands,
                Clock.systemUTC());

        assertThat(jobs.applyRetention()).isZero();

        assertThat(part).doesNotExist();
        assertThat(scratch).doesNotExist();
        assertThat(export).exists();
        verifyNoInteractions(queries, commands);
    }

    private static Path aged(Path file) throws IOException {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        return file;
    }
}
