package io.roomservice.infra.admin;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The shadow of a read model during a run: its tables ({@code rooms_next}), its tracking processor
 * ({@code rooms.next}, built with Axon's public builder and not registered with the configuration) and
 * that processor's tokens; and how far the processor has come.
 */
final class ShadowReadModels {

    private final ShadowTables tables;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final org.axonframework.config.Configuration axon;

    ShadowReadModels(ShadowTables tables, JdbcTemplate jdbc, EventStore eventStore, TokenStore tokenStore,
                     TransactionManager transactions, org.axonframework.config.Configuration axon) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.axon = axon;
    }

    /** Empty shadow tables (a crashed run's are dropped first) and no tokens for the shadow processor. */
    void prepare(RebuildableProjection projection) {
        for (var table : projection.tables()) {
            tables.create(table, projection.shadowOf(table));
        }
        deleteTokens(projection);
    }

    /** The shadow goes at the end of every run, whatever its end. */
    void remove(RebuildableProjection projection) {
        deleteTokens(projection);
        for (var table : projection.tables()) {
            tables.drop(projection.shadowOf(table));
        }
    }

    /**
     * A tracking processor with the projection's handlers writing the shadow tables, as many segments
     * as the live processor has (its tokens replace the live ones one for one), starting at the tail.
     * A handler that fails is retried, never skipped: a skipped event would be drift.
     */
    TrackingEventProcessor processor(RebuildableProjection projection) {
        int segments = Math.max(1, transactions.fetchInTransaction(
                () -> tokenStore.fetchSegments(projection.name())).length);
        var invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers(projection))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        return TrackingEventProcessor.builder()
                .name(projection.shadowProcessor())
                .eventHandlerInvoker(invoker)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(projection.batchSize())
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
    }

    /** A new instance of the projection's handlers writing the shadow tables, as Axon invokes them. */
    AnnotationEventHandlerAdapter handlers(RebuildableProjection projection) {
        Object handlers = projection.shadowHandlers().apply(RebuildableProjection.SHADOW_SUFFIX);
        return new AnnotationEventHandlerAdapter(handlers, axon.parameterResolverFactory(),
                axon.handlerDefinition(handlers.getClass()));
    }

    /** Every segment claimed, at the head, and none failing. */
    static boolean caughtUp(TrackingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.size() == processor.maxCapacity()
                && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    /** The position of the processor's hindmost segment, as it runs; empty before any has one. */
    static OptionalLong position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    /** Why the processor is stuck, while a segment retries an event its handler failed on. */
    static Optional<String> failure(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> "the rebuilt model's processor failed on an event and retries: "
                        + (s.getError() == null ? "" : s.getError().getMessage()))
                .findFirst();
    }

    private void deleteTokens(RebuildableProjection projection) {
        jdbc.update("delete from token_entry where processor_name = ?", projection.shadowProcessor());
    }
}
