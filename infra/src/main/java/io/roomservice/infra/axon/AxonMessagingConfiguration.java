package io.roomservice.infra.axon;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.query.directory.DirectoryProjection;
import io.roomservice.query.export.ExportProjection;
import io.roomservice.query.deployment.DeploymentProjection;
import io.roomservice.query.order.ProjectWorkProjection;
import io.roomservice.query.membership.RoomMemberProjection;
import io.roomservice.query.profile.UserProfileProjection;
import io.roomservice.query.room.RoomProjection;
import io.roomservice.query.timeline.TimelineProjection;
import io.roomservice.query.world.WorldProjection;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** How messages carry who and why, and what happens when a handler fails. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /**
     * Axon's origin provider names the direct cause "correlation" and the root "trace"; roomservice
     * calls them causationId and correlationId: every message caused by one request carries the
     * request's correlation id, and each names the message that caused it.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return ReadModelCorrelation.unlessReadModel(
                new MessageOriginProvider(MetaDataKeys.CAUSATION_ID, MetaDataKeys.CORRELATION_ID));
    }

    @Bean
    public CorrelationDataProvider requestIdProvider() {
        return ReadModelCorrelation.unlessReadModel(new SimpleCorrelationDataProvider(MetaDataKeys.REQUEST_ID));
    }

    /**
     * The actor of a command becomes the actor of the events it causes. Commands that sagas send
     * while handling an event name their own actor ({@code system}), so the actor is taken from
     * commands only.
     */
    @Bean
    public CorrelationDataProvider actorProvider() {
        return ReadModelCorrelation.unlessReadModel(message -> message instanceof CommandMessage<?>
                && message.getMetaData().containsKey(MetaDataKeys.ACTOR)
                ? Map.of(MetaDataKeys.ACTOR, message.getMetaData().get(MetaDataKeys.ACTOR))
                : Map.of());
    }

    /** The processors whose handlers only write tables and send nothing on ({@link ReadModelCorrelation}). */
    static final List<String> READ_MODEL_PROCESSORS = List.of(RoomProjection.PROCESSING_GROUP,
            RoomMemberProjection.PROCESSING_GROUP, UserProfileProjection.PROCESSING_GROUP,
            DirectoryProjection.PROCESSING_GROUP, TimelineProjection.PROCESSING_GROUP,
            ExportProjection.PROCESSING_GROUP, ProjectWorkProjection.PROCESSING_GROUP,
            DeploymentProjection.PROCESSING_GROUP, WorldProjection.PROCESSING_GROUP,
            CommandSideLookupsConfiguration.PROCESSOR);

    @Bean
    public ConfigurerModule noCorrelationDataInReadModels() {
        return configurer -> configurer.eventProcessing(processing -> READ_MODEL_PROCESSORS.forEach(
                processor -> processing.registerHandlerInterceptor(processor, c -> ReadModelCorrelation.marker())));
    }

    /**
     * A failing event handler must not be skipped silently (Axon's default logs and moves on):
     * propagate, so the processor backs off and retries the event until it succeeds. The read models
     * park such events instead (their dead-letter queue catches the failure first, DeadLetterConfiguration);
     * this remains for the sagas, the command-side look-ups and a failure the queue cannot store.
     */
    @Bean
    public ConfigurerModule propagatingErrorHandling(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                // still propagates; remembers the failure so a pooled processor can be reported in error
                .registerDefaultErrorHandler(c -> failures));
    }

    @Bean
    public ProcessorFailures processorFailures() {
        return new ProcessorFailures();
    }
}
