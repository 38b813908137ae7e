package io.roomservice.infra.gateway;

import io.roomservice.RoomserviceApplication;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries outlive the process that enqueued them: a delivery whose subscriber was down,
 * retried and waiting for its next attempt when the application stopped, is delivered by the next
 * process to start on the same database, and the subscriber takes it once (every attempt carried the
 * same delivery id).
 */
class WebhookDeliveryRestartEndToEndTest {

    private static final String HS_TOKEN = "hs_token_of_the_webhook_restart_test_0123456789";
    private static final String SERVICE_TOKEN = "restart-messaging-token-0123456789abcdef";

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RoomserviceApplication.class,
                EndToEndTest.ScriptedHomeserverConfiguration.class)
                .profiles("test")
                .properties("server.port=0",
                        "roomservice.matrix.as-token=as_token_of_the_webhook_restart_test_0123456789",
                        "roomservice.matrix.hs-token=" + HS_TOKEN,
                        "roomservice.matrix.domain=scripted.test",
                        "roomservice.gateway.enabled=true",
                        "roomservice.gateway.services.messaging.token=" + SERVICE_TOKEN,
                        // many retries far apart: the delivery is still waiting for one when the process stops
                        "roomservice.gateway.webhook-retries=10",
                        "roomservice.gateway.webhook-backoff=2s")
                .run();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aDeliveryWaitingForItsRetryWhenTheProcessStopsIsDeliveredOnceByTheNext() throws Exception {
        String roomId = "!restart-" + UUID.randomUUID() + ":scripted.test";
        String eventId = "$" + UUID.randomUUID().toString().replace("-", "");
        try (var receiver = new WebhookReceiver(0)) {
            receiver.down.set(true);
            String deliveryId;
            try (var first = start()) {
                var api = api(first);
                var subscribed = api.send(api.builder("/internal/matrix/webhook/subscribe", null)
                        .header("X-Internal-Service-Token", SERVICE_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"room_id": "%s", "webhook_url": "%s", "events": ["m.room.message"],
                                 "secret": "restart-secret"}""".formatted(roomId, receiver.url()))));
                assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
                deliveryId = subscribed.json().get("subscription_id").asString() + "/" + eventId;

                var pushed = api.send(api.builder("/_matrix/app/v1/transactions/restart-" + UUID.randomUUID(),
                        HS_TOKEN).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"events": [{"type": "m.room.message", "event_id": "%s", "room_id": "%s",
                          "sender": "@someone:scripted.test", "origin_server_ts": 1700000000000,
                          "content": {"msgtype": "m.text", "body": "survives a restart"}}]}"""
                        .formatted(eventId, roomId))));
                assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);

                // refused at least once, and waiting for its next attempt, when the process stops
                var jdbc = first.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                        jdbc.queryForObject("select count(*) from gateway_webhook_deliveries where delivery_id = ? "
                                + "and state = 'pending' and attempts >= 1", Integer.class, deliveryId) == 1);
            }
            int refusedBefore = receiver.received.size();
            assertThat(receiver.accepted()).isEmpty();
            receiver.down.set(false);

            try (var second = start()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !receiver.accepted().isEmpty());
                var jdbc = second.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                        "select state from gateway_webhook_deliveries where delivery_id = ?", String.class,
                        deliveryId).equals("delivered"));
                // a moment for any second delivery to show
                Thread.sleep(2000);
            }
            assertThat(refusedBefore).isPositive();
            assertThat(receiver.accepted()).as("taken once").hasSize(1);
            assertThat(receiver.accepted().get(0).body()).contains(eventId).contains("survives a restart");
            assertThat(receiver.received).extracting(WebhookReceiver.Received::deliveryId)
                    .as("every attempt, before and after the restart, under one id").containsOnly(deliveryId);
        }
    }
}
