package io.roomservice.infra.axon;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor reads its own stream from the event store.
 *
 * <p>Axon's default lets processors near the head share one in-memory cache of recent events. With
 * gaps in the global index (a saga's transaction holds its events' indexes while it calls the
 * homeserver, and commits after later ones), that cache handed the same events to processors twice
 * in our end-to-end tests: rows inserted twice, sagas started twice. Private streams read the
 * storage engine's gap-aware queries directly and deliver each event once; the cost is one query per
 * processor per poll instead of a shared one.
 *
 * <p>Axon's {@code EmbeddedEventStore} takes this setting from the system property
 * {@code optimize-event-consumption} when its auto-configuration builds it; this sets the property
 * before any bean is created, unless the operator set it explicitly.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static final String OPTIMIZE_EVENT_CONSUMPTION = "optimize-event-consumption";

    @Bean
    static BeanFactoryPostProcessor privateEventStreamsPerProcessor() {
        if (System.getProperty(OPTIMIZE_EVENT_CONSUMPTION) == null) {
            System.setProperty(OPTIMIZE_EVENT_CONSUMPTION, "false");
        }
        return beanFactory -> {
        };
    }
}
