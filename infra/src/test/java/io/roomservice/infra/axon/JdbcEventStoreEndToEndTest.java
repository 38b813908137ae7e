package io.roomservice.infra.axon;

import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's JDBC storage engine on the tables of V1, on the real PostgreSQL. */
class JdbcEventStoreEndToEndTest extends EndToEndTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TransactionManager transactions;

    @Test
    void eventsTakeTheirGlobalIndexFromTheSequenceAndReadBackWithGapAwareTokens() {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        String aggregate = UUID.randomUUID().toString();
        append(aggregate, 0, "first");
        long skipped = jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class); // as a rollback leaves
        append(aggregate, 1, "second");
        // one written long ago by another formatter (seconds only): outside the gap timeout, and in another layout
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) select ?, aggregate_identifier, 2, type,"
                        + " '2020-01-02T03:04:05Z', payload_type, payload_revision, payload, meta_data from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = 1",
                UUID.randomUUID().toString(), aggregate);

        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", Long.class, aggregate);
        assertThat(indexes).hasSize(3).doesNotContain(skipped);
        assertThat(indexes.get(1)).isGreaterThan(skipped);
        assertThat(indexes.get(0)).isLessThan(skipped);

        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (var events = engine.readEvents(GapAwareTrackingToken.newInstance(before, Collections.emptySortedSet()), false)) {
            events.filter(e -> e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals(aggregate))
                    .forEach(read::add);
        }
        assertThat(read.stream().map(e -> (Object) e.getPayload()).toList()).containsExactly("first", "second", "second");
        assertThat(((GapAwareTrackingToken) read.get(1).trackingToken()).getGaps()).contains(skipped);
        assertThat(read.get(2).getTimestamp()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
    }

    private void append(String aggregate, long sequence, String payload) {
        transactions.executeInTransaction(() -> engine.appendEvents(
                new GenericDomainEventMessage<>("Probe", aggregate, sequence, payload)));
    }
}
