package io.roomservice.infra.gateway;

import io.roomservice.api.matrix.MatrixRoomEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What sync and webhooks show of a recorded Matrix event: the event as the Client-Server API shows it,
 * with what roomservice keeps of its content, and the specification's internal event type.
 *
 * <p>The specification's services speak of their users and agents by platform id ({@code user:...},
 * {@code agent:...}) and name them {@code sender} (and {@code reactor}) beside {@code *_matrix_id}.
 * An event a gateway user sent for such an actor shows it the same way: {@code sender} is the actor
 * the calling service named, {@code sender_matrix_id} the Matrix id. Everyone else's {@code sender} is
 * their Matrix id, as Matrix has it, and {@code sender_matrix_id} is always the Matrix id.
 */
class GatewayEvents {

    private static final Set<String> MEDIA = Set.of("m.image", "m.file", "m.audio", "m.video");

    private final Predicate<String> gatewayUser;

    /** @param gatewayUser whether a Matrix id is a gateway user, whose actor claims the gateway itself wrote */
    GatewayEvents(Predicate<String> gatewayUser) {
        this.gatewayUser = gatewayUser;
    }

    /** The specification's internal event for a recorded Matrix event; empty for those it has none for. */
    static Optional<String> internalType(MatrixRoomEvent event) {
        if (event.isRoomMessage()) {
            return Optional.of(MEDIA.contains(String.valueOf(event.msgtype()))
                    ? "messaging.media.uploaded" : "messaging.message.created");
        }
        if (event.isMembershipChange()) {
            return Optional.ofNullable(switch (String.valueOf(event.membership())) {
                case "join" -> "messaging.member.joined";
                case "leave", "ban" -> "messaging.member.left";
                case "invite" -> "messaging.member.invited";
                default -> null;
            });
        }
        if (event.isReaction()) {
            return Optional.of("messaging.reaction.added");
        }
        if (event.isRedaction()) {
            return Optional.of("messaging.message.deleted");
        }
        if (event.isRoomDescription()) {
            return Optional.of("messaging.channel.updated");
        }
        return Optional.empty();
    }

    /** The actor a gateway user sent the event for; null for anyone else and when none was named. */
    String actorOf(MatrixRoomEvent event) {
        return event.actor() != null && GatewayAudit.ACTOR.matcher(event.actor()).matches()
                && gatewayUser.test(event.sender()) ? event.actor() : null;
    }

    /** A message's content as sent: text, its HTML, its media's URI, the event it replies to. */
    private static void message(MatrixRoomEvent event, Map<String, Object> content, String written) {
        content.put("msgtype", event.msgtype());
        if (written != null) {
            content.put("body", written);
        }
        if (event.formattedBody() != null && event.formattedBody().value() != null) {
            content.put("format", "org.matrix.custom.html");
            content.put("formatted_body", event.formattedBody().value());
        }
        if (event.url() != null) {
            content.put("url", event.url());
        }
        if (event.relatesTo() != null) {
            content.put("m.relates_to", Map.of("m.in_reply_to", Map.of("event_id", event.relatesTo())));
        }
    }

    Map<String, Object> clientEvent(MatrixRoomEvent event) {
        String actor = actorOf(event);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("type", event.type());
        client.put("event_id", event.eventId());
        client.put("sender", actor != null ? actor : event.sender());
        client.put("sender_matrix_id", event.sender());
        Map<String, Object> content = new LinkedHashMap<>();
        String written = event.body() == null ? null : event.body().value();
        if (event.isMembershipChange()) {
            client.put("state_key", event.stateKey());
            content.put("membership", event.membership());
        } else if (event.isReaction()) {
            Map<String, Object> relation = new LinkedHashMap<>();
            relation.put("rel_type", "m.annotation");
            relation.put("event_id", event.relatesTo());
            relation.put("key", written);
            content.put("m.relates_to", relation);
            client.put("reactor", actor != null ? actor : event.sender());
            client.put("reactor_matrix_id", event.sender());
        } else if (event.isRedaction()) {
            client.put("redacts", event.relatesTo());
            content.put("redacts", event.relatesTo());
            if (written != null) {
                content.put("reason", written);
            }
        } else if (event.isRoomDescription()) {
            client.put("state_key", "");
            if (MatrixRoomEvent.NAME.equals(event.type())) {
                content.put("name", event.roomName());
            } else {
                content.put("topic", event.roomTopic());
            }
        } else {
            message(event, content, written);
        }
        client.put("content", content);
        client.put("origin_server_ts", event.originServerTs() == null ? null : event.originServerTs().toEpochMilli());
        return client;
    }
}
