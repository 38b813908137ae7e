package io.roomservice.infra.appservice;

import io.roomservice.infra.axon.TrackingProcessors;
import io.roomservice.query.timeline.TimelineProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timeline follows the homeserver's pushes closely: a tracking processor that looks for new events
 * every {@link TimelineProperties#pollInterval()} rather than every second.
 */
@Configuration(proxyBeanMethods = false)
public class TimelineProcessorConfiguration {

    @Bean
    public ConfigurerModule timelineProcessor(TimelineProperties properties) {
        return TrackingProcessors.tracking(TimelineProjection.PROCESSING_GROUP, 1, properties.batchSize(),
                properties.pollInterval());
    }
}
