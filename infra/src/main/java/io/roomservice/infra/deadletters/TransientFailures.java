package io.roomservice.infra.deadletters;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Failures of a read model's write that may pass by themselves, told apart from a row it can never store. */
final class TransientFailures {

    // SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization failure,
    // deadlock), 53 insufficient resources, 57 operator intervention (statement timeout, shutdown)
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a lost race on an aggregate (another node wrote it first, or a cached copy was behind)
            if (t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && (TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))
                    || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
