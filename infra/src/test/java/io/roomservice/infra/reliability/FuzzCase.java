package io.roomservice.infra.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One hostile request: what it tries ({@code kind}), the method, the target (path and query, already
 * percent-encoded), extra headers, and a body with its {@code Content-Type} (null: none sent), sent
 * with its length announced or streamed in chunks.
 */
record FuzzCase(String kind, String method, String target, Map<String, String> headers, byte[] body,
                String contentType, boolean chunked) {

    static FuzzCase of(String kind, String method, String target) {
        return new FuzzCase(kind, method, target, Map.of(), null, null, false);
    }

    static FuzzCase json(String kind, String method, String target, String body) {
        return new FuzzCase(kind, method, target, Map.of(), body.getBytes(StandardCharsets.UTF_8), "application/json",
                false);
    }

    FuzzCase withBody(byte[] bytes, String type) {
        return new FuzzCase(kind, method, target, headers, bytes, type, chunked);
    }

    FuzzCase streamed() {
        return new FuzzCase(kind, method, target, headers, body, contentType, true);
    }

    FuzzCase withHeader(String name, String value) {
        return new FuzzCase(kind, method, target, Map.of(name, value), body, contentType, chunked);
    }

    @Override
    public String toString() {
        return kind + ": " + method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                + (body == null ? "" : " [" + body.length + " bytes" + (contentType == null ? "" : ", " + contentType)
                + (chunked ? ", chunked" : "") + "]");
    }
}
