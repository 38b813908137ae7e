package io.roomservice.infra.gateway;

import tools.jackson.databind.JsonNode;

/** The request bodies of the gateway's endpoints, as the specification names their fields. */
final class GatewayRequests {

    private GatewayRequests() {
    }

    record Rename(String name) {
    }

    /** {@code url} and {@code info} carry a media message's content URI and metadata (beyond the spec). */
    record Send(String roomId, String sender, String senderMatrixId, String msgtype, String body, String format,
                String formattedBody, JsonNode relatesTo, String url, JsonNode info) {
    }

    record Reaction(String roomId, String eventId, String reactor, String reactorMatrixId, String emoji) {
    }

    /** {@code redactor_matrix_id} (beyond the spec) redacts as a gateway user; the bot otherwise. */
    record Redact(String roomId, String eventId, String reason, String redactor, String redactorMatrixId) {
    }

    record Invite(String roomId, String userId, String inviter, String inviterMatrixId) {
    }

    record Membership(String roomId, String userId, String actor) {
    }

    record Kick(String roomId, String userId, String kicker, String reason, String actor) {
    }

    record RegisterUser(String username, String password, String displayName, String avatarUrl, Boolean admin) {
    }

    record DisplayName(String displayName) {
    }

    record Avatar(String avatarUrl) {
    }

    record Subscribe(String roomId, String webhookUrl, java.util.List<String> events, String secret) {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw GatewayException.badJson(field + " is required.");
        }
        return value;
    }

    static String roomId(String value) {
        required(value, "room_id");
        // room version 12 ids have no server part (!opaque); older ones do (!opaque:server)
        if (!value.startsWith("!") || value.length() < 2) {
            throw GatewayException.badJson("room_id must be a Matrix room id (!opaque or !opaque:server).");
        }
        return value;
    }

    static String eventId(String value, String field) {
        required(value, field);
        if (!value.startsWith("$")) {
            throw GatewayException.badJson(field + " must be a Matrix event id ($...).");
        }
        return value;
    }
}
