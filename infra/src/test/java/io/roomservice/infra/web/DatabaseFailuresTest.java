package io.roomservice.infra.web;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class DatabaseFailuresTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aLockTimeoutAsTheCommandSidesJdbcLeavesItIsBusy() {
        var failure = new UncategorizedSQLException("insert", "insert into t values (?)",
                new SQLException("ERROR: canceling statement due to lock timeout", "55P03"));

        var answer = advice.databaseFailed(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-busy");
        assertThat(answer.getBody().getDetail()).doesNotContain("insert", "lock timeout");
    }

    @Test
    void aStatementTimeoutInsideACommandExecutionExceptionIsBusy() {
        var failure = new CommandExecutionException("failed", new IllegalStateException(
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")));

        var answer = advice.commandFailed(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-busy");
    }

    @Test
    void anyOtherDatabaseFailureIsNotBusy() {
        var failure = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));

        assertThat(DatabaseFailures.busy(failure)).isFalse();
        assertThatThrownBy(() -> advice.databaseFailed(failure)).isSameAs(failure);
        assertThat(advice.commandFailed(new CommandExecutionException("failed", failure)).getStatusCode().value())
                .isEqualTo(500);
    }

    /** What arrives when HikariCP gave up waiting for a connection: Spring's transaction could not start. */
    @Test
    void noConnectionWithinTheTimeoutIsUnavailable() {
        var noConnection = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                + "request timed out after 3000ms (total=0, active=0, idle=0, waiting=0)");
        var failure = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection", noConnection));

        var answer = advice.databaseFailed(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-unavailable");
        assertThat(answer.getBody().getDetail()).doesNotContain("HikariPool", "JPA");
    }

    @Test
    void aCommandOrAQueryWithoutAConnectionIsUnavailable() {
        var noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));

        assertThat(advice.commandFailed(new CommandExecutionException("failed", noConnection)).getBody().getProperties())
                .containsEntry("code", "database-unavailable");
        assertThat(advice.databaseFailed(new CompletionException(new QueryExecutionException("failed", noConnection)))
                .getBody().getProperties()).containsEntry("code", "database-unavailable");
        assertThat(DatabaseFailures.unavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
    }

    /**
     * A stopped PostgreSQL (nothing listens on the port) fails the pool's wait the same way the end-to-end
     * test's unreachable one does: HikariCP's SQLTransientConnectionException after the connection timeout.
     */
    @Test
    void aDeadDatabaseIsUnavailableWithinTheConnectionTimeout() {
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/nothing-listens-here");
            pool.setConnectionTimeout(500);
            pool.setInitializationFailTimeout(-1);
            long start = System.nanoTime();

            var failure = catchThrowable(pool::getConnection);

            assertThat(failure).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(DatabaseFailures.unavailable(failure)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
