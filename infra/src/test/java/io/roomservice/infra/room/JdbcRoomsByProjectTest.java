package io.roomservice.infra.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.command.room.JdbcRoomsByProject;
import io.roomservice.command.room.RoomsByProject.RoomClaim;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room's claim on its project against both databases the service runs on: one statement on
 * PostgreSQL, a look-up and an insert on the embedded H2.
 */
class JdbcRoomsByProjectTest {

    static Stream<Arguments> databases() {
        var postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/roomservice_test"));
        postgres.setUser(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_USER", "roomservice"));
        postgres.setPassword(System.getenv().getOrDefault("ROOMSERVICE_TEST_DB_PASSWORD", "roomservice"));
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rooms-by-project;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return Stream.of(Arguments.of("PostgreSQL", migrated(postgres)), Arguments.of("H2", migrated(h2)));
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstRoomOfAKnownProjectClaimsIt(String database, DataSource dataSource) throws Exception {
        var project = registeredProject(dataSource, false);
        var room = RoomId.random();

        var claim = inTransaction(dataSource, rooms -> rooms.claim(project, room));

        assertThat(claim.claimed()).isTrue();
        assertThat(claim.project()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Claimed");
            assertThat(p.deleted()).isFalse();
        });
        assertThat(roomOf(dataSource, project)).isEqualTo(room.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondRoomForTheSameProjectClaimsNothing(String database, DataSource dataSource) throws Exception {
        var project = registeredProject(dataSource, false);
        var first = RoomId.random();
        inTransaction(dataSource, rooms -> rooms.claim(project, first));

        var second = inTransaction(dataSource, rooms -> rooms.claim(project, RoomId.random()));

        assertThat(second.claimed()).isFalse();
        assertThat(second.project()).isPresent();
        assertThat(roomOf(dataSource, project)).isEqualTo(first.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownOrDeletedProjectIsNotClaimed(String database, DataSource dataSource) throws Exception {
        var unknown = new ProjectId(UUID.randomUUID());
        var deleted = registeredProject(dataSource, true);

        var ofUnknown = inTransaction(dataSource, rooms -> rooms.claim(unknown, RoomId.random()));
        var ofDeleted = inTransaction(dataSource, rooms -> rooms.claim(deleted, RoomId.random()));

        assertThat(ofUnknown).isEqualTo(new RoomClaim(java.util.Optional.empty(), false));
        assertThat(ofDeleted.claimed()).isFalse();
        assertThat(ofDeleted.project()).hasValueSatisfying(p -> assertThat(p.deleted()).isTrue());
        assertThat(roomOf(dataSource, unknown)).isNull();
        assertThat(roomOf(dataSource, deleted)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aClaimRolledBackWithItsCommandLeavesTheProjectFree(String database, DataSource dataSource) throws Exception {
        var project = registeredProject(dataSource, false);
        var rooms = new JdbcRoomsByProject(new JdbcTemplate(dataSource));
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            assertThat(rooms.claim(project, RoomId.random()).claimed()).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(roomOf(dataSource, project)).isNull();
        assertThat(inTransaction(dataSource, r -> r.claim(project, RoomId.random())).claimed()).isTrue();
    }

    /**
     * The second claim runs while the first is not yet committed: it waits for the first transaction,
     * then claims nothing (on PostgreSQL through {@code on conflict do nothing}, on H2 its insert breaks
     * the key).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void ofTwoOverlappingClaimsOnlyTheOneThatCommitsFirstWins(String database, DataSource dataSource) throws Exception {
        var project = registeredProject(dataSource, false);
        var first = RoomId.random();
        var firstClaimed = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var firstClaim = CompletableFuture.supplyAsync(() -> inTransaction(dataSource, rooms -> {
            var claim = rooms.claim(project, first);
            firstClaimed.countDown();
            await(releaseFirst);
            return claim;
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();

        var secondClaim = CompletableFuture.supplyAsync(() -> inTransaction(dataSource, rooms -> rooms.claim(project, RoomId.random())));
        Awaitility.await("the second claim has met the first one's uncommitted row").atMost(Duration.ofSeconds(10))
                .until(() -> waitsForALock(database, dataSource));
        releaseFirst.countDown();

        assertThat(firstClaim.get(10, TimeUnit.SECONDS).claimed()).isTrue();
        assertThat(secondClaim.get(10, TimeUnit.SECONDS).claimed()).isFalse();
        assertThat(roomOf(dataSource, project)).isEqualTo(first.value());
    }

    /** The second claim's insert is still running: the first transaction's uncommitted row holds it. */
    private static boolean waitsForALock(String database, DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject(database.equals("PostgreSQL")
                ? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions"
                        + " where executing_statement like 'insert into cmd_room_by_project%'", Long.class) > 0;
    }

    private static RoomClaim inTransaction(DataSource dataSource, java.util.function.Function<JdbcRoomsByProject, RoomClaim> work) {
        try {
            var rooms = new JdbcRoomsByProject(new JdbcTemplate(dataSource));
            return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(tx -> work.apply(rooms));
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProjectId registeredProject(DataSource dataSource, boolean deleted) {
        var project = new ProjectId(UUID.randomUUID());
        new JdbcTemplate(dataSource).update(
                "insert into cmd_project_lookup (project_id, customer_id, name, deleted) values (?, ?, 'Claimed', ?)",
                project.value(), UUID.randomUUID(), deleted);
        return project;
    }

    private static UUID roomOf(DataSource dataSource, ProjectId project) {
        return new JdbcTemplate(dataSource).query("select room_id from cmd_room_by_project where project_id = ?",
                (rs, n) -> rs.getObject(1, UUID.class), project.value()).stream().findFirst().orElse(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
