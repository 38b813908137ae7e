package io.roomservice.infra.web;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;

/**
 * Tells a failure because the database gave up waiting (roomservice.database.lock-timeout or
 * statement-timeout) from any other, wherever in the cause chain it sits: the command side's JDBC
 * leaves it uncategorized by Spring, Axon may wrap it in a CommandExecutionException or its own
 * JdbcException.
 */
final class DatabaseBusy {

    /** PostgreSQL's query_canceled (statement_timeout) and lock_not_available (lock_timeout). */
    private static final Set<String> SQL_STATES = Set.of("57014", "55P03");

    private DatabaseBusy() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof CannotAcquireLockException
                    || t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
