package io.roomservice.infra.axon;

import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage engine reads back exactly what Axon's own engine reads from the same store. */
class TunedJdbcEventStorageEngineEndToEndTest extends EndToEndTest {

    @Autowired
    EventStorageEngine tuned;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    Serializer defaultSerializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** What a processor sees of an event: its token, identity, timestamp and payload. */
    record Seen(Object token, String identifier, String aggregate, long sequence, Instant timestamp, Object payload) {
    }

    @Test
    void processorsSeeTheSameTokensTimestampsAndPayloadsAsWithAxonsEngine() {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        String aggregate = UUID.randomUUID().toString();
        append(aggregate, 0, "first");
        jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class); // a gap, as a rolled-back append leaves
        append(aggregate, 1, "second");
        // one written long ago by another formatter (seconds only): outside the gap timeout, and in another layout
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) select ?, aggregate_identifier, 2, type,"
                        + " '2020-01-02T03:04:05Z', payload_type, payload_revision, payload, meta_data from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = 1",
                UUID.randomUUID().toString(), aggregate);
        var start = GapAwareTrackingToken.newInstance(before, Collections.emptySortedSet());

        List<Seen> seenWithTunedEngine = read(tuned, start);

        assertThat(seenWithTunedEngine).hasSize(3);
        assertThat(seenWithTunedEngine.get(2).timestamp()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(((GapAwareTrackingToken) seenWithTunedEngine.get(1).token()).getGaps()).isNotEmpty();
        assertThat(seenWithTunedEngine).isEqualTo(read(axonsEngine(), start));
        assertThat(sequenceNumbers(tuned, aggregate)).isEqualTo(sequenceNumbers(axonsEngine(), aggregate))
                .containsExactly(0L, 1L, 2L);
    }

    private void append(String aggregate, long sequence, String payload) {
        transactions.executeInTransaction(() -> tuned.appendEvents(
                new GenericDomainEventMessage<>("Probe", aggregate, sequence, payload)));
    }

    private static List<Seen> read(EventStorageEngine engine, GapAwareTrackingToken start) {
        try (var events = engine.readEvents(start, false)) {
            return events.map(TunedJdbcEventStorageEngineEndToEndTest::seen).toList();
        }
    }

    private static Seen seen(TrackedEventMessage<?> event) {
        var domainEvent = (org.axonframework.eventhandling.DomainEventMessage<?>) event;
        return new Seen(event.trackingToken(), event.getIdentifier(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), event.getTimestamp(), event.getPayload());
    }

    private static List<Long> sequenceNumbers(EventStorageEngine engine, String aggregate) {
        DomainEventStream events = engine.readEvents(aggregate);
        return events.asStream().map(event -> event.getSequenceNumber()).toList();
    }

    private EventStorageEngine axonsEngine() {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(JdbcEventStoreConfiguration.SCHEMA)
                .dataType(byte[].class)
                .build();
    }
}
