package io.roomservice.api.gateway;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A calling service asks for a room's events at {@code url}. The subscriber's signing secret is kept in
 * the encrypted secret store under the subscription's id, never in this command or its event.
 *
 * @param eventTypes Matrix event types to deliver ({@code m.room.message}, ...); empty means every mapped type
 */
public record SubscribeWebhook(@TargetAggregateIdentifier String subscriptionId, String service, String roomId,
                               String url, List<String> eventTypes) {
}
