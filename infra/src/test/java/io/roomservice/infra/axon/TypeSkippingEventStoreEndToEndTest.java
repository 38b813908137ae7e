package io.roomservice.infra.axon;

import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's event store, on the real PostgreSQL, leaves out what a stream was told to skip. */
class TypeSkippingEventStoreEndToEndTest extends EndToEndTest {

    /** Payloads no processor handles. */
    record Unwanted(String name) {
    }

    record Wanted(String name) {
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;

    @Test
    void aStreamToldToSkipATypeLeavesOutItsEventsWhileALaterEventIsAtHand() throws Exception {
        var start = eventStore.createHeadToken();
        transactions.executeInTransaction(() -> eventStore.publish(GenericEventMessage.asEventMessage(new Unwanted("first")),
                GenericEventMessage.asEventMessage(new Unwanted("second")), GenericEventMessage.asEventMessage(new Wanted("third"))));

        var delivered = new ArrayList<Object>();
        try (var stream = eventStore.openStream(start)) {
            var first = stream.nextAvailable();
            delivered.add(first.getPayload());
            stream.skipMessagesWithPayloadTypeOf(first);
            while (!delivered.contains(new Wanted("third")) && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                delivered.add(stream.nextAvailable().getPayload());
            }
        }

        assertThat(delivered).containsExactly(new Unwanted("first"), new Wanted("third"));
    }
}
