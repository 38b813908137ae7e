package io.roomservice.infra.gateway;

import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.MatrixResponse;
import io.roomservice.infra.homeserver.SynapseAdmin;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * The gateway's homeserver calls. Each acts as the Matrix identity the request names (a gateway user,
 * asserted by the appservice) or as the bot, and answers with the homeserver's answer; a refusal by
 * the homeserver becomes the envelope with its status and code. Transaction ids are fresh per request:
 * a caller that repeats a request sends the message again, as the specification's {@code send} has no
 * idempotency key.
 */
class GatewayMatrix {

    static final String CLIENT = "/_matrix/client/v3";
    private static final String ADMIN = "/_synapse/admin/v1";

    private final MatrixConnections connections;
    private final SynapseAdmin admin;

    GatewayMatrix(MatrixConnections connections, SynapseAdmin admin) {
        this.connections = connections;
        this.admin = admin;
    }

    MatrixIdentity bot() {
        return connections.require().client().appservice();
    }

    String botUserId() {
        return "@" + connections.require().properties().senderLocalpart() + ":" + domain();
    }

    String domain() {
        return connections.require().homeserver().domain();
    }

    String aliasPrefix() {
        return connections.require().properties().aliasPrefix();
    }

    MatrixIdentity as(String matrixUserId) {
        return matrixUserId == null ? bot() : bot().as(matrixUserId);
    }

    JsonNode createRoom(Map<String, Object> body) {
        return answer(bot().post(CLIENT + "/createRoom", body), null);
    }

    /** Every state event of the room, through the admin API, which knows rooms the bot is not in. */
    JsonNode roomState(String roomId) {
        return answer(admin.adminIdentity().get(ADMIN + "/rooms/" + segment(roomId) + "/state"), roomId);
    }

    String putState(MatrixIdentity who, String roomId, String type, String stateKey, Map<String, Object> content) {
        return eventId(answer(who.put(CLIENT + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                + segment(stateKey), content), roomId));
    }

    String sendEvent(MatrixIdentity who, String roomId, String type, Object content) {
        return eventId(answer(who.put(CLIENT + "/rooms/" + segment(roomId) + "/send/" + segment(type) + "/"
                + transactionId(), content), roomId));
    }

    /** @param actor the platform actor to name in the redaction's content, or null */
    String redact(MatrixIdentity who, String roomId, String eventId, String reason, String actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        if (actor != null) {
            body.put(MatrixRoomEvent.ACTOR, actor);
        }
        return eventId(answer(who.put(CLIENT + "/rooms/" + segment(roomId) + "/redact/" + segment(eventId) + "/"
                + transactionId(), body), roomId));
    }

    /** invite, leave, kick: a membership call on the room with this body. */
    void membership(MatrixIdentity who, String roomId, String call, Map<String, Object> body) {
        answer(who.post(CLIENT + "/rooms/" + segment(roomId) + "/" + call, body), roomId);
    }

    /** Joins by room id or alias; the homeserver's answer names the room id. */
    String join(MatrixIdentity who, String roomIdOrAlias) {
        return answer(who.post(CLIENT + "/join/" + segment(roomIdOrAlias), Map.of()), roomIdOrAlias)
                .path("room_id").asString();
    }

    JsonNode messages(MatrixIdentity who, String roomId, String from, String dir, int limit) {
        String query = "?dir=" + segment(dir) + "&limit=" + limit + (from == null ? "" : "&from=" + segment(from));
        return answer(who.get(CLIENT + "/rooms/" + segment(roomId) + "/messages" + query), roomId);
    }

    /** Registers a gateway user as the appservice and logs it in: the answer has its token and device. */
    JsonNode register(String localpart) {
        return answer(bot().post(CLIENT + "/register", Map.of("type", "m.login.application_service",
                "username", localpart, "inhibit_login", false)), null);
    }

    void setPassword(String matrixUserId, String password) {
        admin.setPassword(matrixUserId, password);
    }

    void makeServerAdmin(String matrixUserId) {
        answer(admin.adminIdentity().put("/_synapse/admin/v2/users/" + segment(matrixUserId),
                Map.of("admin", true)), null);
    }

    void putProfile(String matrixUserId, String field, String value) {
        answer(as(matrixUserId).put(CLIENT + "/profile/" + segment(matrixUserId) + "/" + field,
                Map.of(field, value)), null);
    }

    /**
     * The homeserver's answer, or the envelope for its refusal. A room call refused with 403 for a room
     * the homeserver does not know is told as 404, which is what the caller can act on.
     */
    private JsonNode answer(MatrixResponse response, String roomId) {
        if (response.successful()) {
            JsonNode body = response.expect(JsonNode.class);
            return body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
        }
        if (response.status() == 403 && roomId != null && roomId.startsWith("!") && !roomExists(roomId)) {
            throw GatewayException.notFound("No room " + roomId + " on the homeserver.");
        }
        throw refusal(response);
    }

    private boolean roomExists(String roomId) {
        MatrixResponse state = admin.adminIdentity().get(ADMIN + "/rooms/" + segment(roomId));
        return state.status() != 404;
    }

    static GatewayException refusal(MatrixResponse response) {
        String errcode = Optional.ofNullable(response.errcode()).orElse("");
        String error = switch (errcode) {
            case "M_FORBIDDEN", "M_NOT_FOUND", "M_BAD_JSON", "M_LIMIT_EXCEEDED" -> errcode;
            case "M_NOT_JSON", "M_INVALID_PARAM", "M_MISSING_PARAM", "M_INVALID_USERNAME" -> GatewayException.BAD_JSON;
            default -> GatewayException.UNKNOWN;
        };
        HttpStatus status = response.status() >= 400 && response.status() < 500
                ? HttpStatus.valueOf(response.status()) : HttpStatus.INTERNAL_SERVER_ERROR;
        return new GatewayException(status, error, "The homeserver answered " + response.errorText());
    }

    private static String eventId(JsonNode answer) {
        return answer.path("event_id").asString();
    }

    private static String transactionId() {
        return "gw-" + UUID.randomUUID();
    }
}
