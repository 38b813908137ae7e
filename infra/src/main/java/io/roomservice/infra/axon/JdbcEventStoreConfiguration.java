package io.roomservice.infra.axon;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.function.ToDoubleFunction;


/**
 * The event store's storage engine: Axon's JDBC engine on the tables of V1 (the JPA engine's
 * tables, snake_case), on the connection provider Axon configures for its JDBC stores. Appends are one plain insert per event, the global index taken by the insert
 * from its sequence (V8), in the transaction Spring holds for the unit of work; reads of the stream
 * need no transaction of their own ({@link EventStoreTransactions}); timestamps are written by
 * {@link EventTimestamps}; processors at the live head of the store read it at most once per
 * {@link EventStreamProperties#headPollInterval()} ({@link LiveHeadPacedEvents}), and share one read of
 * the store's recent events ({@link RecentEventsWindow}, counted by the meters
 * {@code roomservice.event-stream.head-fetches} and {@code roomservice.event-stream.head-reads}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class JdbcEventStoreConfiguration {

    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connections,
                                                 CommandTransactions commandTransactions,
                                                 EventStreamProperties streams,
                                                 MeterRegistry meters) {
        var engine = new TunedJdbcEventStorageEngine(TunedJdbcEventStorageEngine.tunedBuilder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connections)
                .transactionManager(new EventStoreTransactions(commandTransactions.asAxonTransactionManager()))
                .schema(SCHEMA)
                .dataType(byte[].class), streams.headPollInterval(), streams.sharedHeadRead(), Clock.systemUTC());
        engine.recentEvents().ifPresent(window -> {
            headFetches(window, RecentEventsWindow::answered, "window", meters);
            headFetches(window, RecentEventsWindow::sentToStore, "store", meters);
            FunctionCounter.builder("roomservice.event-stream.head-reads", window, RecentEventsWindow::looks)
                    .description("reads of the store's recent events shared by the processors at its head")
                    .register(meters);
        });
        return engine;
    }

    private static void headFetches(RecentEventsWindow window, ToDoubleFunction<RecentEventsWindow> count,
                                    String answeredBy, MeterRegistry meters) {
        FunctionCounter.builder("roomservice.event-stream.head-fetches", window, count)
                .description("fetches of the processors at the store's head, by what answered them")
                .tag("answered-by", answeredBy)
                .register(meters);
    }

    /**
     * The event store Axon's auto-configuration would build on this engine, its streams leaving out
     * what their processor cannot handle ({@link TypeSkippingEventStore}).
     */
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new TypeSkippingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }
}
