package io.roomservice.infra.persistence;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.infra.admin.Projections;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A command blocked on a lock gives up after roomservice.database.lock-timeout with 503
 * {@code database-busy} and stores nothing; the same request succeeds once the lock is gone. Long work
 * that is legitimate (migrations, a rebuild's reset) is not cut short. Both limits are short here; the
 * defaults are DatabaseTimeoutsTest's.
 */
@TestPropertySource(properties = {"roomservice.database.lock-timeout=500ms",
        "roomservice.database.statement-timeout=2s"})
class DatabaseTimeoutsEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    Projections projections;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password}")
    String password;

    @Test
    void theApplicationsConnectionsCarryTheConfiguredLimits() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("2s");
            assertThat(show(connection, "lock_timeout")).isEqualTo("500ms");
        }
    }

    @Test
    void flywayMigratesWithoutEitherLimit() throws SQLException {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("0");
            assertThat(show(connection, "lock_timeout")).isEqualTo("0");
        }
        try (var connection = dataSource.getConnection()) {
            assertThat(show(connection, "lock_timeout")).isEqualTo("500ms");
        }
    }

    @Test
    void registeringAProjectBlockedOnItsLookUpIsBusyAndStoresNothing() throws Exception {
        var project = new ProjectId(UUID.randomUUID());
        var body = "{\"customer\": \"" + CustomerId.random() + "\", \"name\": \"Blocked\"}";
        Supplier<Api.Response> register = () -> api.put("/api/host/projects/" + project + "/", TestTokens.host(), body);

        var busy = whileLocked("cmd_project_lookup", register);

        expectBusy(busy);
        assertThat(eventsOf(project)).isZero();
        assertThat(lookUpRows("cmd_project_lookup", project)).isZero();

        var retry = register.get();
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(eventsOf(project)).isEqualTo(1);
        assertThat(lookUpRows("cmd_project_lookup", project)).isEqualTo(1);
    }

    @Test
    void creatingARoomBlockedOnItsClaimIsBusyAndStoresNothing() throws Exception {
        var project = registerProject("Room blocked");
        long storedBefore = lastGlobalIndex();

        var busy = whileLocked("cmd_room_by_project", () -> createRoom(project));

        expectBusy(busy);
        assertThat(eventsMentioning(project)).isEqualTo(1);
        assertThat(lookUpRows("cmd_room_by_project", project)).isZero();
        assertThat(lastGlobalIndex()).isEqualTo(storedBefore);

        var retry = createRoom(project);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(lookUpRows("cmd_room_by_project", project)).isEqualTo(1);
    }

    @Test
    void aRebuildsSwitchReplacesItsTablesHoweverLongThatTakes() {
        // every delete from the timeline now takes three seconds, longer than the statement timeout
        jdbc.execute("create or replace function slow_delete() returns trigger language plpgsql as "
                + "$$ begin perform pg_sleep(3); return null; end $$");
        jdbc.execute("create trigger slow_delete before delete on room_timeline for each statement "
                + "execute function slow_delete()");
        try {
            assertThatThrownBy(() -> jdbc.update("delete from room_timeline where false"))
                    .rootCause().hasMessageContaining("canceling statement due to statement timeout");

            var rebuild = api.post("/api/admin/projections/timeline/rebuild", TestTokens.staff(), null);

            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
            var run = awaitRebuildFinished("timeline");
            assertThat(run.state()).as(run.toString()).isEqualTo("switched");
            assertThat(Duration.between(run.caughtUpAt(), run.switchedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        } finally {
            jdbc.execute("drop trigger slow_delete on room_timeline");
            jdbc.execute("drop function slow_delete()");
        }
    }

    /**
     * The switch waits for a lock at most roomservice.database.lock-timeout: then it rolls back whole,
     * the run has failed, and the live read model and its processor go on as they were.
     */
    @Test
    void aRebuildWhoseSwitchWaitsTooLongForALockFailsAndTheProcessorGoesOn() throws Exception {
        try (var holder = DriverManager.getConnection(url, username, password)) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("lock table room_timeline in share mode");
            }
            var rebuild = api.post("/api/admin/projections/timeline/rebuild", TestTokens.staff(), null);
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);

            var run = awaitRebuildFinished("timeline");

            assertThat(run.state()).as(run.toString()).isEqualTo("failed");
            assertThat(run.switchedAt()).isNull();
            holder.rollback();
        }
        assertThat(projections.find("timeline").orElseThrow().running()).isTrue();
    }

    private io.roomservice.infra.admin.ProjectionRebuilds.RunStatus awaitRebuildFinished(String name) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> projections.find(name).orElseThrow().rebuild(), run -> run != null && !run.running());
    }

    /** Sends the request while another connection holds a lock on the table that keeps out every insert. */
    private Api.Response whileLocked(String table, Supplier<Api.Response> request) throws SQLException {
        try (var holder = DriverManager.getConnection(url, username, password)) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("lock table " + table + " in share mode");
            }
            long started = System.nanoTime();
            var response = request.get();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            holder.rollback();
            return response;
        }
    }

    private static void expectBusy(Api.Response response) {
        expectProblem(response, 503, "database-busy");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("cmd_").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("insert").doesNotContain("ERROR");
    }

    private long lookUpRows(String table, ProjectId project) {
        return jdbc.queryForObject("select count(*) from " + table + " where project_id = ?", Long.class, project.value());
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
