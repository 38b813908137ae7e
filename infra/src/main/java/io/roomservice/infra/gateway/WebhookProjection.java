package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.WebhookSubscribed;
import io.roomservice.api.gateway.WebhookUnsubscribed;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what roomservice records into webhook deliveries: keeps the subscriptions, and for every pushed
 * event of a subscribed room whose type the subscription asked for, enqueues one delivery. Subscriptions
 * and transactions are handled in the one order they were recorded, so a subscription gets exactly
 * the events recorded after it started and before it ended.
 */
@ProcessingGroup(WebhookProjection.PROCESSING_GROUP)
class WebhookProjection {

    static final String PROCESSING_GROUP = "gateway-webhooks";
    /** Position of an event: its transaction's global index times this, plus its place in the transaction. */
    static final long EVENTS_PER_TRANSACTION = 1000;

    private final JdbcTemplate jdbc;
    private final WebhookDeliveries deliveries;
    private final WebhookWakeUp wakeUp;
    private final Clock clock;

    WebhookProjection(JdbcTemplate jdbc, WebhookDeliveries deliveries, WebhookWakeUp wakeUp, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    @EventHandler
    void on(WebhookSubscribed event) {
        jdbc.update("delete from gateway_webhook_subscriptions where subscription_id = ?", event.subscriptionId());
        jdbc.update("insert into gateway_webhook_subscriptions (subscription_id, service, room_id, url, event_types, "
                        + "active) values (?, ?, ?, ?, ?, true)", event.subscriptionId(), event.service(),
                event.roomId(), event.url(), String.join(",", event.eventTypes()));
    }

    @EventHandler
    void on(WebhookUnsubscribed event) {
        jdbc.update("update gateway_webhook_subscriptions set active = false where subscription_id = ?",
                event.subscriptionId());
    }

    @EventHandler
    void on(HomeserverTransactionReceived transaction, TrackingToken token) {
        long globalIndex = token.position().orElseThrow();
        List<MatrixRoomEvent> events = transaction.events();
        boolean enqueued = false;
        for (int i = 0; i < events.size(); i++) {
            MatrixRoomEvent event = events.get(i);
            if (GatewayEvents.internalType(event).isEmpty()) {
                continue;
            }
            long position = globalIndex * EVENTS_PER_TRANSACTION + i;
            List<String> subscribed = jdbc.query("select subscription_id, event_types from "
                            + "gateway_webhook_subscriptions where room_id = ? and active = true",
                    (rs, row) -> rs.getString(2).isEmpty()
                            || Arrays.asList(rs.getString(2).split(",")).contains(event.type())
                            ? rs.getString(1) : null, event.roomId());
            for (String subscription : subscribed) {
                if (subscription != null) {
                    deliveries.enqueue(subscription, position, globalIndex, event.eventId(), clock.instant());
                    enqueued = true;
                }
            }
        }
        if (enqueued) {
            wakeUp.afterCommit();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from gateway_webhook_subscriptions");
    }
}
