package io.roomservice.infra.export;

import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.FindExportsToDelete;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recurring export jobs: the periodic export asks once per active room and day however often it
 * runs, and retention picks old exports but never a room's newest completed one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {"roomservice.exports.enabled=true",
        "roomservice.exports.directory=target/exports-jobs-e2e"})
class ExportJobsEndToEndTest extends EndToEndTest {

    @Autowired
    ExportJobs jobs;

    @Autowired
    QueryGateway queries;

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

    /** A row of the exports read model, as the projection would have written it. */
    private UUID row(UUID room, String state, Instant created) {
        UUID export = UUID.randomUUID();
        jdbc.update("""
                insert into history_exports (export_id, room_id, export_type, state, message_count, media_count, created)
                values (?, ?, 'PERIODIC', ?, 0, 0, ?)""", export, room, state, Timestamp.from(created));
        return export;
    }
}
