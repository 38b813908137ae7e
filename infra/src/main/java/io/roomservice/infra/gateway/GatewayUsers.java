package io.roomservice.infra.gateway;

import java.util.regex.Pattern;

/**
 * Who the gateway may act as: gateway users, {@code @<alias-prefix>-<user-prefix><name>:<domain>},
 * which lie inside the appservice's exclusive user namespace ({@code @<alias-prefix>-.+}), so the
 * appservice may assert them and no one else may register them. Any other Matrix id is refused with
 * 403: the gateway impersonates only the accounts it made, never a person's own account.
 */
class GatewayUsers {

    /** Matrix's localpart grammar, without the historical characters. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._=/+-]{1,200}");

    private final GatewayMatrix matrix;
    private final String userPrefix;

    GatewayUsers(GatewayMatrix matrix, String userPrefix) {
        this.matrix = matrix;
        this.userPrefix = userPrefix;
    }

    String localpart(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw GatewayException.badJson("username must be lowercase letters, digits and ._=/+- (at most 200).");
        }
        return matrix.aliasPrefix() + "-" + userPrefix + username;
    }

    String userId(String username) {
        return "@" + localpart(username) + ":" + matrix.domain();
    }

    /** Whether {@code matrixUserId} is a gateway user (no link to a homeserver yet: no one is). */
    boolean isGatewayUser(String matrixUserId) {
        try {
            return matrixUserId != null && require(matrixUserId, "sender") != null;
        } catch (RuntimeException notOneOrNoLink) {
            return false;
        }
    }

    /** {@code matrixUserId} when it is a gateway user; the envelope's 400 or 403 otherwise. */
    String require(String matrixUserId, String field) {
        if (matrixUserId == null || matrixUserId.isBlank()) {
            throw GatewayException.badJson(field + " is required.");
        }
        String prefix = "@" + matrix.aliasPrefix() + "-" + userPrefix;
        String suffix = ":" + matrix.domain();
        if (!matrixUserId.startsWith(prefix) || !matrixUserId.endsWith(suffix)
                || !USERNAME.matcher(matrixUserId.substring(prefix.length(),
                matrixUserId.length() - suffix.length())).matches()) {
            throw GatewayException.forbidden(field + " " + matrixUserId + " is not a gateway user (" + prefix
                    + "<username>" + suffix + "); the gateway acts only as users it registered.");
        }
        return matrixUserId;
    }

    /** A gateway user when named, otherwise the bot. */
    String requireOrBot(String matrixUserId, String field) {
        return matrixUserId == null ? matrix.botUserId() : require(matrixUserId, field);
    }
}
