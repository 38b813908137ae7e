package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A homeserver answer: its status, the {@code errcode} and {@code error} when it sent them, and the
 * body, read into a typed record by {@link #expect}. Callers handle the answers that mean something
 * for them (say {@code 404 M_NOT_FOUND}) with {@link #is}, and leave every other failure to {@link #expect}.
 */
public record MatrixResponse(String method, String path, int status, String retryAfterHeader, String rawBody,
                      JsonNode body, HomeserverFailures failures) {

    /** {@code body} is the parsed {@code rawBody}: null when it was empty or not JSON. */
    static MatrixResponse of(String method, String path, int status, String retryAfterHeader, String rawBody,
                             HomeserverFailures failures) {
        return new MatrixResponse(method, path, status, retryAfterHeader, rawBody, parse(rawBody),
                failures);
    }

    public String errcode() {
        return text("errcode");
    }

    public String error() {
        return text("error");
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** This status with this {@code errcode}. */
    public boolean is(int status, String errcode) {
        return this.status == status && errcode.equals(errcode());
    }

    /** {@code "<errcode>: <error>"}, masked like every failure message. */
    public String errorText() {
        return failures.mask(HomeserverFailures.errorText(this));
    }

    /** The failure this (non-2xx) answer stands for. */
    public HomeserverException failure() {
        return failures.of(this);
    }

    /**
     * The body of a 2xx answer as {@code type} ({@code Void} when it does not matter); otherwise the
     * failure the answer stands for. A body Jackson cannot read as {@code type} is a transient failure.
     */
    public <T> T expect(Class<T> type) {
        if (!successful()) {
            throw failure();
        }
        if (type == Void.class) {
            return null;
        }
        try {
            return MatrixJson.MAPPER.treeToValue(body, type);
        } catch (JacksonException e) {
            throw failures.malformed(this, "not a " + type.getSimpleName());
        }
    }

    /** A transient failure for a 2xx body that lacks what the call needs. */
    HomeserverException malformed(String what) {
        return failures.malformed(this, what);
    }

    private static JsonNode parse(String raw) {
        try {
            return raw.isBlank() ? null : MatrixJson.MAPPER.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    private String text(String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Without the body, which may hold a new access token. */
    @Override
    public String toString() {
        return "MatrixResponse[" + method + " " + path + " -> HTTP " + status + "]";
    }
}
