package io.roomservice.infra.web;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells the database failures a caller can simply retry from any other, wherever in the cause chain
 * they sit: the command side's JDBC leaves them uncategorized by Spring, Axon may wrap them in a
 * CommandExecutionException or its own JdbcException, a query in its own execution exception.
 */
final class DatabaseFailures {

    /** PostgreSQL's query_canceled (statement_timeout) and lock_not_available (lock_timeout). */
    private static final Set<String> BUSY_SQL_STATES = Set.of("57014", "55P03");

    /** PostgreSQL shutting down or starting (admin_shutdown, crash_shutdown, cannot_connect_now). */
    private static final Set<String> UNAVAILABLE_SQL_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {
    }

    /** The database gave up waiting: roomservice.database.lock-timeout or statement-timeout. */
    static boolean busy(Throwable failure) {
        return anyCause(failure, t -> t instanceof QueryTimeoutException || t instanceof CannotAcquireLockException
                || t instanceof SQLTimeoutException
                || sqlState(t) != null && BUSY_SQL_STATES.contains(sqlState(t)));
    }

    /**
     * No connection to the database: HikariCP gave up after roomservice.database.connection-timeout
     * (SQLTransientConnectionException, whatever Spring or Axon wrapped it in), or the connection broke
     * (SQLState class 08) or the server is going down.
     */
    static boolean unavailable(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLTransientConnectionException
                || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || sqlState(t) != null && (sqlState(t).startsWith("08") || UNAVAILABLE_SQL_STATES.contains(sqlState(t))));
    }

    /** Null for anything but an SQLException that has one (HikariCP's timeouts have none). */
    private static String sqlState(Throwable t) {
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
