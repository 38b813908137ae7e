package io.roomservice.command.gateway;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.gateway.GatewayRejections;
import io.roomservice.api.gateway.SubscribeWebhook;
import io.roomservice.api.gateway.UnsubscribeWebhook;
import io.roomservice.api.gateway.WebhookSubscribed;
import io.roomservice.api.gateway.WebhookUnsubscribed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A calling service's webhook subscription to a room's events. Only the service that subscribed may
 * end it; to any other it does not exist, so one service cannot probe another's subscriptions.
 */
@Aggregate(cache = "aggregateCache")
public class WebhookSubscription {

    @AggregateIdentifier
    private String subscriptionId;
    private String service;
    private String roomId;
    private boolean active;

    protected WebhookSubscription() {
        // for Axon
    }

    @CommandHandler
    public WebhookSubscription(SubscribeWebhook command) {
        apply(new WebhookSubscribed(command.subscriptionId(), command.service(), command.roomId(), command.url(),
                command.eventTypes()));
    }

    @CommandHandler
    public void handle(UnsubscribeWebhook command) {
        if (!active || !service.equals(command.service())) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, GatewayRejections.UNKNOWN_SUBSCRIPTION,
                    "No active subscription " + command.subscriptionId() + " of this service.");
        }
        apply(new WebhookUnsubscribed(subscriptionId, service, roomId));
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        subscriptionId = event.subscriptionId();
        service = event.service();
        roomId = event.roomId();
        active = true;
    }

    @EventSourcingHandler
    void on(WebhookUnsubscribed event) {
        active = false;
    }
}
