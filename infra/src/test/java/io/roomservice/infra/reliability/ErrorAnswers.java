package io.roomservice.infra.reliability;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * What every answer of the API must look like: never a 5xx, and a refusal as RFC 9457
 * problem+json whose {@code status} is the HTTP status, with a {@code title} and a stable
 * {@code code}. The homeserver's API ({@code /_matrix/...}) answers in Matrix's error format instead:
 * {@code {"errcode", "error"}}, except where the request never reached it (Tomcat's or the firewall's
 * refusal of a malformed request: problem+json like everywhere else). One 5xx is an answer, not a
 * failure: 503 {@code homeserver-unavailable}, what the API documents when the homeserver it needs
 * fails (the credentials of the test, whose scripted homeserver does only the sagas' work).
 */
final class ErrorAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorAnswers() {
    }

    /** Empty when the answer is as it must be; otherwise what is wrong with it. */
    static Optional<String> violation(String target, String method, int status, String contentType, String body) {
        // a HEAD is answered like its GET, without the body that would say why
        boolean documented503 = status == 503 && (method.equals("HEAD")
                || body != null && body.contains("\"code\":\"homeserver-unavailable\""));
        if (status >= 500 && !documented503) {
            return Optional.of("a " + status + " answer: " + shorten(body));
        }
        if (status < 400 || method.equals("HEAD")) {
            return Optional.empty();
        }
        boolean homeserver = target.startsWith("/_matrix/") && !refusedBeforeTheApplication(contentType, body);
        String expectedType = homeserver ? "application/json" : "application/problem+json";
        if (contentType == null || !contentType.startsWith(expectedType)) {
            return Optional.of(status + " as " + contentType + " instead of " + expectedType + ": " + shorten(body));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.of(status + " whose body is not JSON: " + shorten(body));
        }
        if (homeserver) {
            return json.path("errcode").isString() && json.path("error").isString() ? Optional.empty()
                    : Optional.of(status + " without errcode and error: " + shorten(body));
        }
        if (json.path("status").asInt(-1) != status) {
            return Optional.of(status + " whose problem says status " + json.path("status") + ": " + shorten(body));
        }
        if (json.path("title").asString("").isBlank() || json.path("code").asString("").isBlank()) {
            return Optional.of(status + " without a title or a code: " + shorten(body));
        }
        return Optional.empty();
    }

    private static boolean refusedBeforeTheApplication(String contentType, String body) {
        return contentType != null && contentType.startsWith("application/problem+json") && body != null
                && (body.contains("\"code\":\"rejected-request\"") || body.contains("\"code\":\"method-not-allowed\""));
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
