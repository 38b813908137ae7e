package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.SubscribeWebhook;
import io.roomservice.api.gateway.UnsubscribeWebhook;
import io.roomservice.infra.secrets.SecretStore;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions of calling services. The subscriber's signing secret (its own, or one made
 * here and answered once) is kept in the encrypted secret store, never in the subscription's events.
 */
@RestController
@Hidden
@RequestMapping("/internal/matrix/webhook")
class GatewayWebhookController {

    private final CommandGateway commands;
    private final SecretStore secrets;
    private final SecureRandom random = new SecureRandom();

    GatewayWebhookController(CommandGateway commands, SecretStore secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    static String secretName(String subscriptionId) {
        return "gateway.webhook." + subscriptionId + ".secret";
    }

    @PostMapping("/subscribe")
    Map<String, Object> subscribe(@RequestBody GatewayRequests.Subscribe body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String url = GatewayRequests.required(body.webhookUrl(), "webhook_url");
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw GatewayException.badJson("webhook_url must be an http or https URL.");
        }
        if (!("http".equals(target.getScheme()) || "https".equals(target.getScheme())) || target.getHost() == null) {
            throw GatewayException.badJson("webhook_url must be an http or https URL.");
        }
        List<String> events = body.events() == null ? List.of() : List.copyOf(body.events());
        String subscriptionId = "sub-" + UUID.randomUUID();
        boolean madeHere = body.secret() == null || body.secret().isBlank();
        String secret = madeHere ? newSecret() : body.secret();
        // the secret first: a subscription never exists without it; one left without a subscription
        // (the command failed, or the node died in between) is never used and is removed on failure
        secrets.put(secretName(subscriptionId), secret);
        try {
            commands.sendAndWait(new SubscribeWebhook(subscriptionId, GatewayAudit.service(request), roomId, url,
                    events));
        } catch (RuntimeException e) {
            secrets.delete(secretName(subscriptionId));
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription_id", subscriptionId);
        if (madeHere) {
            answer.put("secret", secret);
        }
        return answer;
    }

    @DeleteMapping("/subscribe/{subscriptionId}")
    Map<String, Object> unsubscribe(@PathVariable String subscriptionId, HttpServletRequest request) {
        try {
            commands.sendAndWait(new UnsubscribeWebhook(subscriptionId, GatewayAudit.service(request)));
        } catch (CommandExecutionException e) {
            throw GatewayException.notFound("No subscription " + subscriptionId + " of this service.");
        }
        return Map.of("status", "unsubscribed");
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
