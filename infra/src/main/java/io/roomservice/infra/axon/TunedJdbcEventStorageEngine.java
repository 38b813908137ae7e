package io.roomservice.infra.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC storage engine with these changes: timestamps are written and read by
 * {@link EventTimestamps} (read ones parsed once, {@link StoredEventEntry}); events read carry their
 * global index ({@link IndexedEventData}); the streams that event processors follow are paced at the
 * live head of the store ({@link LiveHeadPacedEvents}), where they share one read of its recent events
 * ({@link RecentEventsWindow}).
 */
final class TunedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /*
     * Axon's defaults, set on the builder by tunedBuilder(): Axon keeps them private, and the token
     * calculation copied below needs them.
     */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    /** Axon's builder with the gap settings this engine's token calculation assumes. */
    static Builder tunedBuilder() {
        return JdbcEventStorageEngine.builder()
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
    }

    /** Rows the shared head read asks the store for at a time. */
    static final int HEAD_BATCH_SIZE = 1_000;

    private final Duration headPollInterval;
    private final Clock clock;
    private final RecentEventsWindow recentEvents;

    TunedJdbcEventStorageEngine(Builder builder, Duration headPollInterval, boolean sharedHeadRead, Clock clock) {
        super(builder);
        this.headPollInterval = headPollInterval;
        this.clock = clock;
        // the window covers no more than a token's gaps can reach back (MAX_GAP_OFFSET)
        this.recentEvents = sharedHeadRead && !headPollInterval.isZero()
                ? new RecentEventsWindow(this::fetchTrackedEvents, HEAD_BATCH_SIZE, MAX_GAP_OFFSET, headPollInterval, clock)
                : null;
    }

    /** The processors' shared read of the store's recent events, unless switched off. */
    Optional<RecentEventsWindow> recentEvents() {
        return Optional.ofNullable(recentEvents);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, EventTimestamps.format(timestamp));
    }

    /** Axon's own, on an entry that parses its timestamp once. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // as Axon's: an event that was not applied by an aggregate has its own id as aggregate id
        var event = storedEntry(resultSet, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                eventIdentifier);
        return new IndexedEventData<>(globalSequence, nextToken(previousToken, globalSequence, event.getTimestamp()), event);
    }

    /** Axon's token calculation, unchanged: the token of a reader at {@code previousToken} after the given event. */
    static GapAwareTrackingToken nextToken(GapAwareTrackingToken previousToken, long globalSequence, Instant timestamp) {
        boolean allowGaps = timestamp.isAfter(
                GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        if (previousToken == null) {
            return GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                            .boxed().collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        }
        return previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
    }

    /** Axon's own, on an entry that parses its timestamp once. */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return storedEntry(resultSet, resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getString(schema.eventIdentifierColumn()));
    }

    private StoredEventEntry<?> storedEntry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new StoredEventEntry<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()).toString(),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (headPollInterval.isZero()) {
            return super.readEventData(trackingToken, mayBlock);
        }
        LiveHeadPacedEvents.Fetch fetch = recentEvents != null ? recentEvents::fetch
                : (token, size, atLiveHead) -> fetchTrackedEvents(token, size);
        return StreamSupport.stream(new LiveHeadPacedEvents(trackingToken, fetch, batchSize(), headPollInterval, clock),
                false);
    }
}
