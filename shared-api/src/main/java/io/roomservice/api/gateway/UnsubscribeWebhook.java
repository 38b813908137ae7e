package io.roomservice.api.gateway;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The service that subscribed ends its subscription; another service may not. */
public record UnsubscribeWebhook(@TargetAggregateIdentifier String subscriptionId, String service) {
}
