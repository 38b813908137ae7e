package io.roomservice.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node among several on one database.
 *
 * @param id the owner this node writes into the processors' token claims ({@code token_entry.owner});
 *           empty: Axon's default, {@code <pid>@<host>}, which two nodes in one JVM would share, and
 *           then both would process the same segment
 */
@ConfigurationProperties("roomservice.node")
public record NodeProperties(@DefaultValue("") String id) {
}
