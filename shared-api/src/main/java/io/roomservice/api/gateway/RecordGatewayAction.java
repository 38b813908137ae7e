package io.roomservice.api.gateway;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records what a calling service did through the gateway, after the homeserver accepted it. Sent once
 * the homeserver answered: the homeserver's answer is the fact, this is its audit record.
 *
 * @param matrixUserId the Matrix identity the gateway acted as (a gateway user or the bot)
 * @param service      the calling service, as its token named it
 * @param actor        the platform's id of whom the service acted for ({@code user:...} or {@code agent:...}),
 *                     or {@code service:<name>} when the request named nobody
 * @param roomId       the Matrix room, or null for actions on users and media
 * @param target       what the action was about: the reacted-to or redacted event, the member, the content URI
 * @param eventId      the event the homeserver created, when it created one
 */
public record RecordGatewayAction(@TargetAggregateIdentifier String matrixUserId, String service, String actor,
                                  GatewayAction action, String roomId, String target, String eventId) {
}
