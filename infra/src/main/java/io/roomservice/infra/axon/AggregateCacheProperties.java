package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether rooms and projects stay in memory between commands.
 *
 * @param enabled keep the Room and Project aggregates in a cache (default true), so a command on an
 *                aggregate loaded a moment ago does not read its events again. Right for one node, or
 *                for several nodes whose commands are routed by aggregate (Axon Server, a distributed
 *                command bus). On several nodes that share the event store without such routing, a node's
 *                cached copy can fall behind: its next command on that aggregate then fails with a
 *                concurrency error (and the copy is dropped), so turn the cache off there.
 */
@ConfigurationProperties("roomservice.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("true") boolean enabled) {
}
