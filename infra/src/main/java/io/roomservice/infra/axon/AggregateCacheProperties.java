package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether aggregates stay in memory between commands.
 *
 * @param enabled keep the aggregates without personal data (rooms, projects, orders, worlds, ...) in a
 *                cache (default true), so a command on an aggregate loaded a moment ago does not read its
 *                events again
 * @param verify  before each command on a cached aggregate, compare its version with the event store's
 *                (default true; {@link CachedAggregateCheck}): what makes the cache safe with several
 *                nodes on one event store. One indexed query per command; a deployment of one node may
 *                turn it off
 */
@ConfigurationProperties("roomservice.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean verify) {
}
