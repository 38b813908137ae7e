package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether aggregates stay in memory between commands.
 *
 * @param enabled keep the aggregates without personal data (rooms, projects, orders, worlds, ...) in a
 *                cache (default true), so a command on an aggregate loaded a moment ago does not read its
 *                events again. Safe with several nodes on one event store: each command first compares
 *                the cached copy's version with the store's ({@link CachedAggregateCheck}).
 */
@ConfigurationProperties("roomservice.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("true") boolean enabled) {
}
