package io.roomservice.infra.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBusyTest {

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

        assertThat(DatabaseBusy.causedBy(failure)).isFalse();
        assertThatThrownBy(() -> advice.databaseFailed(failure)).isSameAs(failure);
        assertThat(advice.commandFailed(new CommandExecutionException("failed", failure)).getStatusCode().value())
                .isEqualTo(500);
    }
}
