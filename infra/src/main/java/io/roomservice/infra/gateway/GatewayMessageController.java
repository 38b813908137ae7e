package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Messages through the gateway: send as a gateway user, react, redact. */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewayMessageController {

    static final Set<String> MSGTYPES = Set.of("m.text", "m.image", "m.file", "m.audio", "m.video", "m.notice");

    private final GatewayMatrix matrix;
    private final GatewayUsers users;
    private final GatewayAudit audit;
    private final Clock clock = Clock.systemUTC();

    GatewayMessageController(GatewayMatrix matrix, GatewayUsers users, GatewayAudit audit) {
        this.matrix = matrix;
        this.users = users;
        this.audit = audit;
    }

    @PostMapping("/send")
    Map<String, Object> send(@RequestBody GatewayRequests.Send body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String actor = GatewayAudit.actor(body.sender(), "sender", request);
        String sender = users.require(body.senderMatrixId(), "sender_matrix_id");
        if (!MSGTYPES.contains(body.msgtype())) {
            throw GatewayException.badJson("msgtype must be one of " + String.join(", ", MSGTYPES.stream().sorted()
                    .toList()) + ".");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("msgtype", body.msgtype());
        content.put("body", GatewayRequests.required(body.body(), "body"));
        if (body.formattedBody() != null) {
            content.put("format", body.format() != null ? body.format() : "org.matrix.custom.html");
            content.put("formatted_body", body.formattedBody());
        }
        if (body.url() != null) {
            content.put("url", body.url());
        }
        if (body.info() != null) {
            content.put("info", body.info());
        }
        if (body.relatesTo() != null) {
            if (!body.relatesTo().isObject()) {
                throw GatewayException.badJson("relates_to must be an object.");
            }
            content.put("m.relates_to", body.relatesTo());
        }
        named(actor).ifPresent(named -> content.put(MatrixRoomEvent.ACTOR, named));
        String eventId = matrix.sendEvent(matrix.as(sender), roomId, "m.room.message", content);
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(request, sender, actor, GatewayAction.MESSAGE_SENT, roomId, null, eventId);
        return Map.of("event_id", eventId, "sent_at", sentAt.toString());
    }

    @PostMapping("/send-reaction")
    Map<String, Object> react(@RequestBody GatewayRequests.Reaction body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String target = GatewayRequests.eventId(body.eventId(), "event_id");
        String actor = GatewayAudit.actor(body.reactor(), "reactor", request);
        String reactor = users.require(body.reactorMatrixId(), "reactor_matrix_id");
        String emoji = GatewayRequests.required(body.emoji(), "emoji");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("m.relates_to", Map.of("rel_type", "m.annotation", "event_id", target, "key", emoji));
        named(actor).ifPresent(named -> content.put(MatrixRoomEvent.ACTOR, named));
        String eventId = matrix.sendEvent(matrix.as(reactor), roomId, "m.reaction", content);
        audit.record(request, reactor, actor, GatewayAction.REACTION_SENT, roomId, target, eventId);
        return Map.of("event_id", eventId);
    }

    /** As the bot, which has the power to redact anyone's event in the rooms it created. */
    @PostMapping("/redact")
    Map<String, Object> redact(@RequestBody GatewayRequests.Redact body, HttpServletRequest request) {
        String roomId = GatewayRequests.roomId(body.roomId());
        String target = GatewayRequests.eventId(body.eventId(), "event_id");
        String actor = GatewayAudit.actor(body.redactor(), "redactor", request);
        String redactor = users.requireOrBot(body.redactorMatrixId(), "redactor_matrix_id");
        String eventId = matrix.redact(matrix.as(body.redactorMatrixId() == null ? null : redactor), roomId, target,
                body.reason(), body.redactorMatrixId() == null ? null : named(actor).orElse(null));
        audit.record(request, redactor, actor, GatewayAction.MESSAGE_REDACTED, roomId, target, eventId);
        return Map.of("event_id", eventId);
    }

    /**
     * The actor a gateway user's event names in its content ({@value MatrixRoomEvent#ACTOR}), so that sync
     * and webhooks, which read what the homeserver pushed back, show whom it was sent for: the event
     * carries it, with no race against the action's record. Room members see it too; it is the
     * platform's id of the sender, no secret. A service acting for nobody names none.
     */
    private static java.util.Optional<String> named(String actor) {
        return GatewayAudit.ACTOR.matcher(actor).matches() ? java.util.Optional.of(actor) : java.util.Optional.empty();
    }
}
