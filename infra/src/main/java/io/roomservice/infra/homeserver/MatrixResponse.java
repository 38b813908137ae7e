package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A homeserver answer: its status, the {@code errcode} and {@code error} when it sent them, and the
 * body, read into a typed record by {@link #expect}. Callers handle the answers that mean something
 * for them (say {@code 404 M_NOT_FOUND}) with {@link #is}, and leave every other failure to {@link #expect}.
 */
final class MatrixResponse {

    private final String method;
    private final String path;
    private final int status;
    private final String retryAfterHeader;
    private final String rawBody;
    private final JsonNode body;
    private final HomeserverFailures failures;

    MatrixResponse(String method, String path, int status, String retryAfterHeader, String rawBody,
                   HomeserverFailures failures) {
        this.method = method;
        this.path = path;
        this.status = status;
        this.retryAfterHeader = retryAfterHeader;
        this.rawBody = rawBody;
        this.body = MatrixTransport.parse(rawBody);
        this.failures = failures;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    int status() {
        return status;
    }

    String retryAfterHeader() {
        return retryAfterHeader;
    }

    String rawBody() {
        return rawBody;
    }

    /** The parsed body; null when it was empty (or, on an error status, not JSON). */
    JsonNode body() {
        return body;
    }

    String errcode() {
        return text("errcode");
    }

    String error() {
        return text("error");
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** This status with this {@code errcode}. */
    boolean is(int status, String errcode) {
        return this.status == status && errcode.equals(errcode());
    }

    /** {@code "<errcode>: <error>"}, masked like every failure message. */
    String errorText() {
        return failures.mask(HomeserverFailures.errorText(this));
    }

    /** The failure this (non-2xx) answer stands for. */
    HomeserverException failure() {
        return failures.of(this);
    }

    /**
     * The body of a 2xx answer as {@code type} ({@code Void} when it does not matter); otherwise the
     * failure the answer stands for. A body Jackson cannot read as {@code type} is a transient failure.
     */
    <T> T expect(Class<T> type) {
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

    private String text(String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    @Override
    public String toString() {
        return "MatrixResponse[" + method + " " + path + " -> HTTP " + status + "]";
    }
}
