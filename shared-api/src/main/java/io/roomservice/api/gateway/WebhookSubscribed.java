package io.roomservice.api.gateway;

import java.util.List;

/** A webhook subscription started (see {@link SubscribeWebhook}). */
public record WebhookSubscribed(String subscriptionId, String service, String roomId, String url,
                                List<String> eventTypes) {
}
