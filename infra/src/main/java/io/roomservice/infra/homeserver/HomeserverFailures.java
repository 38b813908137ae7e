package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failed homeserver call means for the sagas, for one call: 429 is
 * {@link HomeserverException#rateLimited rate limited} with {@code retry_after_ms} (or {@code Retry-After})
 * capped at {@code max-rate-limit-wait}; 5xx, 408, timeouts, refused or reset connections and 2xx bodies
 * that are not JSON are {@link HomeserverException#transientFailure transient}; any other status is
 * {@link HomeserverException#permanentFailure permanent}, {@code "<errcode>: <error>"} when the homeserver
 * sent them.
 *
 * <p>Every message is masked: neither the appservice token nor the call's own bearer token shows,
 * whatever a server or an exception echoed back.
 */
final class HomeserverFailures {

    private static final int SNIPPET_LENGTH = 200;
    private static final String REDACTED = "<redacted>";

    private final MatrixProperties properties;
    private final List<String> secrets = new ArrayList<>(2);

    HomeserverFailures(MatrixProperties properties, String bearer) {
        this.properties = properties;
        for (String secret : new String[] {properties.asToken(), bearer}) {
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
        }
    }

    /** The failure a non-2xx answer stands for. */
    HomeserverException of(MatrixResponse response) {
        int status = response.status();
        String context = " (HTTP " + status + " on " + response.method() + " " + response.path() + ")";
        if (status == 429) {
            Duration wait = retryAfter(response);
            String message = (response.errcode() != null ? errorText(response) : "Rate limited by the homeserver")
                    + (wait != null ? " (retry after " + wait.toMillis() + " ms)" : "") + context;
            return HomeserverException.rateLimited(mask(message), wait);
        }
        String message = (response.errcode() != null || response.error() != null
                ? errorText(response)
                : "Homeserver at " + baseUrl() + " answered HTTP " + status
                        + (response.rawBody().isBlank() ? "" : ": " + snippet(response.rawBody()))) + context;
        if (status >= 500 || status == 408) {
            return HomeserverException.transientFailure(mask(message), null);
        }
        return HomeserverException.permanentFailure(mask(message));
    }

    HomeserverException notJson(MatrixResponse response) {
        return HomeserverException.transientFailure(mask("Homeserver at " + baseUrl() + " answered "
                + response.method() + " " + response.path() + " with HTTP " + response.status()
                + " and a body that is not JSON: " + snippet(response.rawBody())), null);
    }

    HomeserverException malformed(MatrixResponse response, String what) {
        return HomeserverException.transientFailure(mask("Homeserver at " + baseUrl() + " answered "
                + response.method() + " " + response.path() + " with an unexpected body (" + what + "): "
                + snippet(response.rawBody())), null);
    }

    HomeserverException timedOut(String method, String path, Throwable cause) {
        return HomeserverException.transientFailure(mask("Homeserver at " + baseUrl() + " did not answer " + method
                + " " + path + " within " + human(properties.readTimeout())), cause);
    }

    HomeserverException interrupted(String method, String path, Throwable cause) {
        return HomeserverException.transientFailure(
                mask("Interrupted while waiting for the homeserver at " + baseUrl() + " (" + method + " " + path + ")"),
                cause);
    }

    HomeserverException invalidUrl() {
        return HomeserverException.permanentFailure(mask("The homeserver URL " + baseUrl() + " is not a valid URL"));
    }

    HomeserverException cannotCall(IllegalArgumentException cause) {
        return HomeserverException.permanentFailure(
                mask("Cannot call the homeserver at " + baseUrl() + ": " + describe(cause, "bad request")));
    }

    /**
     * A call that got no answer. {@code pastReadTimeout}: the read timeout ran out meanwhile, so a
     * broken connection is the timeout's doing.
     */
    HomeserverException connectionFailed(String method, String path, Throwable cause, boolean pastReadTimeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return HomeserverException.transientFailure(mask("Homeserver unreachable at " + baseUrl()
                    + ": no connection within " + human(properties.connectTimeout())), cause);
        }
        if (cause instanceof HttpTimeoutException || (pastReadTimeout && cause instanceof IOException
                && !(cause instanceof ConnectException))) {
            return timedOut(method, path, cause);
        }
        if (cause instanceof ConnectException) {
            // Refused, no route, reset while connecting. The JDK 17 client reports a refused
            // connection as a ConnectException without any message (caused by a
            // ClosedChannelException), hence the fallback text.
            return HomeserverException.transientFailure(
                    mask("Homeserver unreachable at " + baseUrl() + ": " + describe(cause, "Connection refused")), cause);
        }
        if (cause instanceof IOException) {
            return HomeserverException.transientFailure(mask("Connection to the homeserver at " + baseUrl()
                    + " failed during " + method + " " + path + ": " + describe(cause, "connection closed")), cause);
        }
        return HomeserverException.transientFailure(mask("Calling the homeserver at " + baseUrl() + " failed during "
                + method + " " + path + ": " + describe(cause, cause.getClass().getSimpleName())), cause);
    }

    private String baseUrl() {
        return properties.homeserverUrl();
    }

    private Duration retryAfter(MatrixResponse response) {
        Duration wait = null;
        var ms = response.body() == null ? null : response.body().get("retry_after_ms");
        if (ms != null && ms.canConvertToLong() && ms.asLong() >= 0) {
            wait = Duration.ofMillis(ms.asLong());
        } else if (response.retryAfterHeader() != null) {
            wait = parseRetryAfterHeader(response.retryAfterHeader().strip());
        }
        if (wait != null && wait.compareTo(properties.maxRateLimitWait()) > 0) {
            wait = properties.maxRateLimitWait();
        }
        return wait;
    }

    private static Duration parseRetryAfterHeader(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** {@code "M_FORBIDDEN: You are not allowed to ..."}, or what there is of it (unmasked). */
    static String errorText(MatrixResponse response) {
        String errcode = response.errcode();
        String error = response.error();
        if (errcode != null && error != null) {
            return errcode + ": " + error;
        }
        return errcode != null ? errcode : error;
    }

    String mask(String message) {
        String masked = message;
        for (String secret : secrets) {
            masked = masked == null ? null : masked.replace(secret, REDACTED);
        }
        return masked;
    }

    private static String snippet(String raw) {
        String oneLine = raw.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "(empty)";
        }
        return oneLine.length() <= SNIPPET_LENGTH ? oneLine : oneLine.substring(0, SNIPPET_LENGTH) + "…";
    }

    private static String describe(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return fallback;
    }

    private static String human(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
