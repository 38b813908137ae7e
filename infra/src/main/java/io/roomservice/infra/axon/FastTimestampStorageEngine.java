package io.roomservice.infra.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Axon's JDBC storage engine, writing timestamps through {@link EventTimestamps}. */
final class FastTimestampStorageEngine extends JdbcEventStorageEngine {

    FastTimestampStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, EventTimestamps.format(timestamp));
    }
}
