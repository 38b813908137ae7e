package io.roomservice.infra.axon;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC storage engine with two changes: timestamps are written by {@link EventTimestamps}, and
 * the streams that event processors follow are paced at the live head of the store
 * ({@link LiveHeadPacedEvents}).
 */
final class TunedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final Duration headPollInterval;
    private final Clock clock;

    TunedJdbcEventStorageEngine(Builder builder, Duration headPollInterval, Clock clock) {
        super(builder);
        this.headPollInterval = headPollInterval;
        this.clock = clock;
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, EventTimestamps.format(timestamp));
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (headPollInterval.isZero()) {
            return super.readEventData(trackingToken, mayBlock);
        }
        return StreamSupport.stream(new LiveHeadPacedEvents(trackingToken, this::fetchTrackedEvents, batchSize(),
                headPollInterval, clock), false);
    }
}
