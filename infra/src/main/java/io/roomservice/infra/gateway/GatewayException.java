package io.roomservice.infra.gateway;

import org.springframework.http.HttpStatus;

/**
 * A gateway call that is answered with the specification's envelope {@code {error, message}}: the
 * status and code are the caller's to act on, the message is for people and never holds a secret.
 */
class GatewayException extends RuntimeException {

    static final String FORBIDDEN = "M_FORBIDDEN";
    static final String NOT_FOUND = "M_NOT_FOUND";
    static final String UNKNOWN = "M_UNKNOWN";
    static final String BAD_JSON = "M_BAD_JSON";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    static final String LIMIT_EXCEEDED = "M_LIMIT_EXCEEDED";

    private final HttpStatus status;
    private final String error;

    GatewayException(HttpStatus status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static GatewayException badJson(String message) {
        return new GatewayException(HttpStatus.BAD_REQUEST, BAD_JSON, message);
    }

    static GatewayException forbidden(String message) {
        return new GatewayException(HttpStatus.FORBIDDEN, FORBIDDEN, message);
    }

    static GatewayException notFound(String message) {
        return new GatewayException(HttpStatus.NOT_FOUND, NOT_FOUND, message);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
