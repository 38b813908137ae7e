package io.roomservice.api.gateway;

/** A webhook subscription ended; nothing more is delivered for it. */
public record WebhookUnsubscribed(String subscriptionId, String service, String roomId) {
}
