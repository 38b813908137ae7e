package io.roomservice.infra.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache the aggregates name ({@code @Aggregate(cache = "aggregateCache")}), checked against the
 * event store before each command ({@link CachedAggregateCheck}) so several nodes may share one store.
 * Only aggregates without personal data are cached: a person's names must not outlive the erasure of
 * their key in memory.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    @Bean
    public Cache aggregateCache(AggregateCacheProperties properties) {
        // weak references: an aggregate stays while memory allows, and is read from its events after
        return properties.enabled() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Bean
    public CachedAggregateCheck cachedAggregateCheck(AggregateCacheProperties properties,
                                                     ObjectProvider<EventStore> eventStore) {
        // nothing cached, or one node only: nothing to verify
        return new CachedAggregateCheck(properties.enabled() && properties.verify(), eventStore);
    }
}
