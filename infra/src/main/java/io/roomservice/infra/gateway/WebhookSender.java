package io.roomservice.infra.gateway;

import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.infra.secrets.SecretStore;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes one webhook delivery: {@code {subscription_id, room_id, event}} (the event as the Client-Server
 * API shows it, with the specification's internal type in {@code event_type}), signed with the
 * subscriber's secret ({@code X-Gateway-Signature: sha256=<hex HMAC-SHA256 of the body>}) and named by
 * {@code X-Gateway-Delivery-Id}, the same on every attempt, so a subscriber drops what it already has.
 */
class WebhookSender {

    static final String SIGNATURE = "X-Gateway-Signature";
    static final String DELIVERY_ID = "X-Gateway-Delivery-Id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventStorageEngine events;
    private final GatewayEvents shown;
    private final SecretStore secrets;
    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(EventStorageEngine events, GatewayEvents shown, SecretStore secrets, Duration timeout) {
        this.events = events;
        this.shown = shown;
        this.secrets = secrets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Empty when the subscriber took it (2xx); otherwise why not. */
    Optional<String> deliver(WebhookDeliveries.Due delivery) {
        Optional<MatrixRoomEvent> event = recorded(delivery.globalIndex(), delivery.eventId());
        if (event.isEmpty()) {
            return Optional.of("the recorded event is gone from the event store");
        }
        Map<String, Object> content = shown.clientEvent(event.get());
        content.put("event_type", GatewayEvents.internalType(event.get()).orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscription_id", delivery.subscriptionId());
        body.put("room_id", delivery.roomId());
        body.put("event", content);
        byte[] json = JSON.writeValueAsBytes(body);
        String secret = secrets.find(GatewayWebhookController.secretName(delivery.subscriptionId())).orElse("");
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE, "sha256=" + sign(secret, json))
                    .header(DELIVERY_ID, delivery.deliveryId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the subscriber answered HTTP " + answer.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("the subscriber could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<MatrixRoomEvent> recorded(long globalIndex, String eventId) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(
                GapAwareTrackingToken.newInstance(globalIndex - 1, java.util.List.of()), false)) {
            return stream.limit(1).filter(m -> m.getPayload() instanceof HomeserverTransactionReceived)
                    .flatMap(m -> ((HomeserverTransactionReceived) m.getPayload()).events().stream())
                    .filter(e -> e.eventId().equals(eventId)).map(e -> (MatrixRoomEvent) e).findFirst();
        }
    }
}
