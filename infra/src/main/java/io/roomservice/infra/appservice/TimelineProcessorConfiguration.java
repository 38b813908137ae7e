package io.roomservice.infra.appservice;

import io.roomservice.query.timeline.TimelineProjection;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * The timeline follows the homeserver's pushes closely: a tracking processor that looks for new events
 * every {@link TimelineProperties#pollInterval()} rather than every second.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TimelineProcessorConfiguration {

    @Bean
    public ConfigurerModule timelineProcessor(TimelineProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                TimelineProjection.PROCESSING_GROUP, Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize())
                        .andEventAvailabilityTimeout(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)));
    }
}
