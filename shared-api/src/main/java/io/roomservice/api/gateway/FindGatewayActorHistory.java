package io.roomservice.api.gateway;

/**
 * Answers a {@link GatewayActorHistory}: everything calling services did through the internal gateway
 * as one Matrix identity (a gateway user or the bot), in order, each with the service and the
 * platform actor it acted for.
 */
public record FindGatewayActorHistory(String matrixUserId) {
}
