package io.roomservice.infra.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Staff see the gateway's parked webhook deliveries and send one again (problem+json, as the admin API). */
@RestController
@RequestMapping("/api/admin/gateway/webhook-deliveries")
@Tag(name = "gateway", description = "The internal Matrix gateway's webhook deliveries")
public class GatewayWebhookAdminController {

    /** Which parked delivery to send again. */
    public record Replay(String deliveryId) {
    }

    /** As long as the column. */
    private static final int MAX_ID_LENGTH = 400;

    private final WebhookDeliveries deliveries;
    private final WebhookWakeUp wakeUp;
    private final Clock clock = Clock.systemUTC();

    GatewayWebhookAdminController(WebhookDeliveries deliveries, WebhookWakeUp wakeUp) {
        this.deliveries = deliveries;
        this.wakeUp = wakeUp;
    }

    @Operation(summary = "Webhook deliveries that failed every retry, oldest first (at most 500)")
    @GetMapping({"", "/"})
    public List<WebhookDeliveries.Parked> parked() {
        return deliveries.parkedOf(500);
    }

    @Operation(summary = "Send a parked delivery again now, with a fresh set of retries; the subscription's "
            + "later deliveries follow it")
    @PostMapping({"/replay", "/replay/"})
    public Map<String, String> replay(@RequestBody Replay replay) {
        if (replay.deliveryId() == null || replay.deliveryId().isBlank()) {
            throw new BadRequestException("invalid-field", "delivery_id", "delivery_id is required.");
        }
        if (replay.deliveryId().length() > MAX_ID_LENGTH || replay.deliveryId().chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("invalid-field", "delivery_id",
                    "delivery_id is at most " + MAX_ID_LENGTH + " characters, none a control character.");
        }
        if (!deliveries.replay(replay.deliveryId(), clock.instant())) {
            throw new NotFoundException("No parked delivery " + replay.deliveryId() + ".");
        }
        wakeUp.wake();
        return Map.of("status", "pending");
    }
}
