package io.roomservice.infra.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache the Room and Project aggregates name ({@code @Aggregate(cache = "aggregateCache")}).
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
}
