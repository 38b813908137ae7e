package io.roomservice.infra.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * PostgreSQL's own limits on every connection of the application's pool, so that no request waits
 * without end on a lock or a stuck statement (commands run no Axon timer: see UntimedCommandBus).
 * Applied by {@link DatabaseTimeoutsConfiguration}; the embedded H2 keeps its own lock timeout, and
 * Flyway's migrations run without either limit. Zero turns a limit off.
 *
 * @param statementTimeout PostgreSQL's {@code statement_timeout} (default 30s): a statement running
 *                         longer is cancelled (SQLState 57014). Nothing the service does legitimately
 *                         comes near it: a command's statements are single-row, a projection batch
 *                         writes 1,000 events' rows in well under a second
 * @param lockTimeout      PostgreSQL's {@code lock_timeout} (default 10s): a statement waiting longer
 *                         for a lock (a row, a table, another transaction's key) fails (SQLState 55P03).
 *                         A request blocked this long answers 503 {@code database-busy}
 * @param connectionTimeout HikariCP's {@code connection-timeout} (default 3s; HikariCP's own is 30s): how
 *                         long a request waits for a connection of the pool, for any database. When
 *                         the database is down no connection comes, and the request answers 503
 *                         {@code database-unavailable} after this long rather than hanging half a minute.
 *                         HikariCP accepts no less than 250ms
 */
@ConfigurationProperties("roomservice.database")
public record DatabaseTimeouts(@DefaultValue("30s") Duration statementTimeout,
                               @DefaultValue("10s") Duration lockTimeout,
                               @DefaultValue("3s") Duration connectionTimeout) {

    public DatabaseTimeouts {
        if (statementTimeout == null || statementTimeout.isNegative()
                || lockTimeout == null || lockTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "roomservice.database.statement-timeout and lock-timeout must not be negative");
        }
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("roomservice.database.connection-timeout must be at least 250ms");
        }
    }

    /** The startup options that set both limits on a PostgreSQL session (milliseconds, PostgreSQL's unit). */
    String options() {
        return "-c statement_timeout=" + statementTimeout.toMillis() + " -c lock_timeout=" + lockTimeout.toMillis();
    }
}
