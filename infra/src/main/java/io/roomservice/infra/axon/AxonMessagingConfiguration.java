package io.roomservice.infra.axon;

import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
        return new MessageOriginProvider(MetaDataKeys.CAUSATION_ID, MetaDataKeys.CORRELATION_ID);
    }

    @Bean
    public CorrelationDataProvider requestIdProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.REQUEST_ID);
    }

    /**
     * The actor of a command becomes the actor of the events it causes. Commands that sagas send
     * while handling an event name their own actor ({@code system}), so the actor is taken from
     * commands only.
     */
    @Bean
    public CorrelationDataProvider actorProvider() {
        return message -> message instanceof CommandMessage<?> && message.getMetaData().containsKey(MetaDataKeys.ACTOR)
                ? Map.of(MetaDataKeys.ACTOR, message.getMetaData().get(MetaDataKeys.ACTOR))
                : Map.of();
    }

    /**
     * A failing event handler must not be skipped silently (Axon's default logs and moves on):
     * propagate, so the processor backs off and retries the event until it succeeds.
     */
    @Bean
    public ConfigurerModule propagatingErrorHandling() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
