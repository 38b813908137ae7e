package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A small client for the Matrix Client-Server API, acting as an application service.
 *
 * <ul>
 *   <li>The {@code as_token} travels only in {@code Authorization: Bearer}; never in the query string,
 *       never in a message or log line.</li>
 *   <li>Calls made for a namespaced user assert its identity with {@code ?user_id=}; calls without a
 *       user act as the registration's sender (the bot).</li>
 *   <li>Outcomes: 2xx gives the parsed JSON body. 429 is {@link HomeserverException#rateLimited} with
 *       {@code retry_after_ms} (or {@code Retry-After}), capped at {@code max-rate-limit-wait}. 5xx, 408,
 *       timeouts, refused or reset connections and bodies that are not JSON are
 *       {@link HomeserverException#transientFailure transient}. Any other status is
 *       {@link HomeserverException#permanentFailure permanent}, with the message
 *       {@code "<errcode>: <error>"} when the homeserver sent them.</li>
 * </ul>
 */
public class MatrixClient {

    static final String CLIENT_V3 = "/_matrix/client/v3";
    private static final int SNIPPET_LENGTH = 200;

    private final JsonMapper json = JsonMapper.builder().build();
    private final MatrixProperties properties;
    private final String baseUrl;
    private final HttpClient http;

    public MatrixClient(MatrixProperties properties) {
        if (!properties.isConfigured()) {
            throw new IllegalArgumentException("roomservice.matrix.homeserver-url and as-token must both be set");
        }
        this.properties = properties;
        this.baseUrl = properties.homeserverUrl();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String homeserverUrl() {
        return baseUrl;
    }

    /** A fresh JSON object to build request bodies with. */
    public ObjectNode newObject() {
        return json.createObjectNode();
    }

    // ------------------------------------------------------------------------------------------
    // The calls roomservice makes

    /** {@code GET /account/whoami} as the bot, or as {@code asUser} when given. */
    public JsonNode whoami(String asUser) {
        return expectSuccess(send("GET", CLIENT_V3 + "/account/whoami", asUser, null));
    }

    /**
     * Registers a user in the appservice's namespace (without logging in). Returns false when the user
     * already existed ({@code M_USER_IN_USE}), which counts as success.
     */
    public boolean registerAppserviceUser(String localpart) {
        ObjectNode body = newObject()
                .put("type", "m.login.application_service")
                .put("username", localpart)
                .put("inhibit_login", true);
        Response response = send("POST", CLIENT_V3 + "/register", null, body);
        if (response.status() == 400 && "M_USER_IN_USE".equals(response.errcode())) {
            return false;
        }
        expectSuccess(response);
        return true;
    }

    /** The room an alias points at; empty when the alias is unknown ({@code 404 M_NOT_FOUND}). */
    public Optional<String> resolveAlias(String alias) {
        Response response = send("GET", CLIENT_V3 + "/directory/room/" + segment(alias), null, null);
        if (response.status() == 404 && "M_NOT_FOUND".equals(response.errcode())) {
            return Optional.empty();
        }
        String roomId = text(expectSuccess(response), "room_id");
        if (roomId == null) {
            throw malformed(response, "no room_id");
        }
        return Optional.of(roomId);
    }

    /** What {@link #createRoom} did. */
    public sealed interface CreateRoomResult permits Created, AliasInUse {
    }

    /** The room was created. */
    public record Created(String roomId) implements CreateRoomResult {
    }

    /**
     * The requested {@code room_alias_name} is taken ({@code 400 M_ROOM_IN_USE}, or {@code 409} when it
     * was bound concurrently); no usable room was created.
     */
    public record AliasInUse(String message) implements CreateRoomResult {
    }

    /** {@code POST /createRoom} as the bot, with the given request body. */
    public CreateRoomResult createRoom(ObjectNode request) {
        Response response = send("POST", CLIENT_V3 + "/createRoom", null, request);
        // The alias check before creating answers 400 M_ROOM_IN_USE. A concurrent creation that binds
        // the alias between that check and Synapse's own binding answers 409 M_UNKNOWN "Room alias ...
        // already exists" instead (Synapse 1.163; it leaves only an empty room id behind, no events).
        if ((response.status() == 400 && "M_ROOM_IN_USE".equals(response.errcode()))
                || (response.status() == 409 && request.has("room_alias_name"))) {
            return new AliasInUse(errorText(response));
        }
        String roomId = text(expectSuccess(response), "room_id");
        if (roomId == null) {
            throw malformed(response, "no room_id");
        }
        return new Created(roomId);
    }

    /** {@code GET /_matrix/client/versions}: the spec versions the homeserver speaks. */
    public JsonNode versions() {
        return expectSuccess(send("GET", "/_matrix/client/versions", null, null));
    }

    /** {@code GET /joined_rooms} as the bot. */
    public JsonNode joinedRooms() {
        return expectSuccess(send("GET", CLIENT_V3 + "/joined_rooms", null, null));
    }

    /**
     * {@code POST /_matrix/client/v1/appservice/{id}/ping}: the homeserver calls the appservice's
     * {@code /ping} and reports the round trip in {@code duration_ms}.
     */
    public JsonNode pingAppservice(String appserviceId, String transactionId) {
        ObjectNode body = newObject().put("transaction_id", transactionId);
        return expectSuccess(send("POST", "/_matrix/client/v1/appservice/" + segment(appserviceId) + "/ping", null,
                body));
    }

    /** {@code PUT /profile/{userId}/displayname} as that (namespaced) user. */
    public void setDisplayName(String userId, String displayName) {
        expectSuccess(send("PUT", CLIENT_V3 + "/profile/" + segment(userId) + "/displayname", userId,
                newObject().put("displayname", displayName)));
    }

    /** {@code POST /rooms/{roomId}/invite} as the bot. */
    public void invite(String roomId, String userId) {
        expectSuccess(send("POST", CLIENT_V3 + "/rooms/" + segment(roomId) + "/invite", null,
                newObject().put("user_id", userId)));
    }

    /** {@code POST /rooms/{roomId}/join} as the given (namespaced) user. */
    public void joinAs(String roomId, String userId) {
        expectSuccess(send("POST", CLIENT_V3 + "/rooms/" + segment(roomId) + "/join", userId, newObject()));
    }

    /** {@code POST /rooms/{roomId}/leave} as the given (namespaced) user. */
    public void leaveAs(String roomId, String userId) {
        expectSuccess(send("POST", CLIENT_V3 + "/rooms/" + segment(roomId) + "/leave", userId, newObject()));
    }

    /** {@code POST /rooms/{roomId}/kick} as the bot. */
    public void kick(String roomId, String userId, String reason) {
        expectSuccess(send("POST", CLIENT_V3 + "/rooms/" + segment(roomId) + "/kick", null,
                newObject().put("user_id", userId).put("reason", reason)));
    }

    /** The content of one state event ({@code GET /rooms/{roomId}/state/{type}/{stateKey}}) as the bot. */
    public JsonNode stateEvent(String roomId, String type, String stateKey) {
        return expectSuccess(send("GET", CLIENT_V3 + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                + segment(stateKey), null, null));
    }

    /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}} as the bot. */
    public void putStateEvent(String roomId, String type, String stateKey, JsonNode content) {
        expectSuccess(send("PUT", CLIENT_V3 + "/rooms/" + segment(roomId) + "/state/" + segment(type) + "/"
                + segment(stateKey), null, content));
    }

    /** {@code PUT /rooms/{roomId}/send/{type}/{txnId}} as the bot; the same txnId is a no-op on the homeserver. */
    public JsonNode sendEvent(String roomId, String type, String transactionId, JsonNode content) {
        return expectSuccess(send("PUT", CLIENT_V3 + "/rooms/" + segment(roomId) + "/send/" + segment(type) + "/"
                + segment(transactionId), null, content));
    }

    /** {@code POST /logout/all} as the given (namespaced) user: every access token of theirs stops working. */
    public void logoutAll(String userId) {
        expectSuccess(send("POST", CLIENT_V3 + "/logout/all", userId, newObject()));
    }

    /** A user's own session: what {@code /login} answered. */
    public record Session(String userId, String accessToken, String deviceId) {

        @Override
        public String toString() {
            return "Session[userId=" + userId + ", deviceId=" + deviceId + ", accessToken=******]";
        }
    }

    /**
     * {@code POST /login} with {@code m.login.application_service}: a new access token (and device)
     * for a user in the appservice's namespace, for embedded chat.
     */
    public Session loginAsAppserviceUser(String userId) {
        ObjectNode body = newObject().put("type", "m.login.application_service");
        body.putObject("identifier").put("type", "m.id.user").put("user", userId);
        JsonNode answer = expectSuccess(send("POST", CLIENT_V3 + "/login", null, body));
        return session(answer);
    }

    /** {@code POST /login} with a password (the admin account of roomservice). */
    public Session loginWithPassword(String user, String password) {
        ObjectNode body = newObject().put("type", "m.login.password").put("password", password);
        body.putObject("identifier").put("type", "m.id.user").put("user", user);
        return session(expectSuccess(sendWithToken("POST", CLIENT_V3 + "/login", body, null)));
    }

    /** {@code GET /account/whoami} with a user's own access token: whether the token still works. */
    public boolean tokenWorks(String accessToken) {
        Response response = sendWithToken("GET", CLIENT_V3 + "/account/whoami", null, accessToken);
        if (response.successful()) {
            return true;
        }
        if (response.status() == 401) {
            return false;
        }
        throw failure(response);
    }

    /**
     * {@code POST /_matrix/client/v1/login/get_token} with the user's own access token: a short-lived,
     * single-use token for {@code m.login.token} (Synapse: {@code login_via_existing_session} must be
     * enabled without UI auth).
     */
    public JsonNode loginToken(String accessToken) {
        return expectSuccess(sendWithToken("POST", "/_matrix/client/v1/login/get_token", newObject(), accessToken));
    }

    /** One Synapse admin API call with the admin account's access token (null for the unauthenticated nonce). */
    public JsonNode synapseAdmin(String method, String path, JsonNode body, String adminToken) {
        return expectSuccess(sendWithToken(method, "/_synapse/admin" + path, body, adminToken));
    }

    /** Like {@link #synapseAdmin} but hands back the raw answer (e.g. to tell "user in use" apart). */
    Response synapseAdminRaw(String method, String path, JsonNode body, String adminToken) {
        return sendWithToken(method, "/_synapse/admin" + path, body, adminToken);
    }

    private Session session(JsonNode answer) {
        String token = text(answer, "access_token");
        if (token == null) {
            throw HomeserverException.transientFailure("The homeserver's /login answer has no access_token", null);
        }
        return new Session(text(answer, "user_id"), token, text(answer, "device_id"));
    }

    /** {@code GET /rooms/{roomId}/joined_members} as the bot, or as {@code asUser} when given. */
    public JsonNode joinedMembers(String roomId, String asUser) {
        return expectSuccess(send("GET", CLIENT_V3 + "/rooms/" + segment(roomId) + "/joined_members", asUser, null));
    }

    /** {@code GET /rooms/{roomId}/state}: every current state event, as the bot or {@code asUser}. */
    public JsonNode roomState(String roomId, String asUser) {
        return expectSuccess(send("GET", CLIENT_V3 + "/rooms/" + segment(roomId) + "/state", asUser, null));
    }

    // ------------------------------------------------------------------------------------------
    // Transport and error mapping

    /** A homeserver answer: its status, errcode and error when it sent them, and the parsed body. */
    record Response(String method, String path, int status, JsonNode body, String rawBody,
                    Map<String, List<String>> headers) {

        String errcode() {
            return text(body, "errcode");
        }

        String error() {
            return text(body, "error");
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends one request. Returns any HTTP answer whose body is JSON (or empty on an error status);
     * throws a transient failure for timeouts, connection errors and bodies that are not JSON.
     */
    Response send(String method, String path, String asUser, JsonNode body) {
        return send(method, path, asUser, body, properties.asToken());
    }

    /**
     * Sends with another bearer token than the appservice's (a user's own access token, the admin
     * account's), or none when {@code bearer} is null. Failures never show that token either.
     */
    Response sendWithToken(String method, String path, JsonNode body, String bearer) {
        try {
            return send(method, path, null, body, bearer);
        } catch (HomeserverException failure) {
            if (bearer == null || failure.getMessage() == null || !failure.getMessage().contains(bearer)) {
                throw failure;
            }
            String masked = failure.getMessage().replace(bearer, "<redacted>");
            throw failure.isTransient() ? HomeserverException.transientFailure(masked, null)
                    : HomeserverException.permanentFailure(masked);
        }
    }

    private Response send(String method, String path, String asUser, JsonNode body, String bearer) {
        Map<String, String> query = new LinkedHashMap<>();
        if (asUser != null && !asUser.isBlank()) {
            query.put("user_id", asUser);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl + path + queryString(query));
        } catch (IllegalArgumentException e) {
            throw HomeserverException.permanentFailure(mask("The homeserver URL " + baseUrl + " is not a valid URL"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else if ("POST".equals(method) || "PUT".equals(method)) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }

        HttpResponse<String> response = exchange(request.build(), method, path);
        String raw = response.body() == null ? "" : response.body();
        JsonNode parsed;
        try {
            parsed = raw.isBlank() ? null : json.readTree(raw);
        } catch (JacksonException e) {
            parsed = null;
        }
        Response result = new Response(method, path, response.statusCode(), parsed, raw, response.headers().map());
        if (result.successful() && (parsed == null || !(parsed.isObject() || parsed.isArray()))) {
            // A success carries a JSON object (or, for /state, an array); anything else is a proxy page
            // or a broken server. Error statuses keep their meaning; their body only adds errcode/error.
            throw HomeserverException.transientFailure(mask(
                    "Homeserver at " + baseUrl + " answered " + method + " " + path + " with HTTP " + result.status()
                            + " and a body that is not JSON: " + snippet(raw)), null);
        }
        return result;
    }

    private HttpResponse<String> exchange(HttpRequest request, String method, String path) {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The request timeout only covers the wait for the headers; this also bounds the body.
            return future.get(properties.readTimeout().toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(method, path, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw HomeserverException.transientFailure(
                    "Interrupted while waiting for the homeserver at " + baseUrl + " (" + method + " " + path + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw HomeserverException.transientFailure(mask("Homeserver unreachable at " + baseUrl
                        + ": no connection within " + human(properties.connectTimeout())), cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(method, path, cause);
            }
            if (cause instanceof ConnectException) {
                // Refused, no route, reset while connecting. The JDK 17 client reports a refused
                // connection as a ConnectException without any message (caused by a
                // ClosedChannelException), hence the fallback text.
                throw HomeserverException.transientFailure(
                        mask("Homeserver unreachable at " + baseUrl + ": " + describe(cause, "Connection refused")), cause);
            }
            if (cause instanceof IOException) {
                throw HomeserverException.transientFailure(mask("Connection to the homeserver at " + baseUrl
                        + " failed during " + method + " " + path + ": " + describe(cause, "connection closed")), cause);
            }
            if (cause instanceof IllegalArgumentException) {
                throw HomeserverException.permanentFailure(
                        mask("Cannot call the homeserver at " + baseUrl + ": " + describe(cause, "bad request")));
            }
            throw HomeserverException.transientFailure(mask("Calling the homeserver at " + baseUrl + " failed during "
                    + method + " " + path + ": " + describe(cause, cause.getClass().getSimpleName())), cause);
        }
    }

    private HomeserverException timedOut(String method, String path, Throwable cause) {
        return HomeserverException.transientFailure(mask("Homeserver at " + baseUrl + " did not answer " + method + " "
                + path + " within " + human(properties.readTimeout())), cause);
    }

    /** The parsed body of a 2xx answer; otherwise the failure it stands for. */
    JsonNode expectSuccess(Response response) {
        if (response.successful()) {
            return response.body();
        }
        throw failure(response);
    }

    HomeserverException failure(Response response) {
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
                : "Homeserver at " + baseUrl + " answered HTTP " + status
                        + (response.rawBody().isBlank() ? "" : ": " + snippet(response.rawBody()))) + context;
        if (status >= 500 || status == 408) {
            return HomeserverException.transientFailure(mask(message), null);
        }
        return HomeserverException.permanentFailure(mask(message));
    }

    private Duration retryAfter(Response response) {
        Duration wait = null;
        JsonNode ms = response.body() == null ? null : response.body().get("retry_after_ms");
        if (ms != null && ms.canConvertToLong() && ms.asLong() >= 0) {
            wait = Duration.ofMillis(ms.asLong());
        } else {
            Optional<String> header = response.header("Retry-After").map(String::strip);
            if (header.isPresent()) {
                wait = parseRetryAfterHeader(header.get());
            }
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

    private HomeserverException malformed(Response response, String what) {
        return HomeserverException.transientFailure(mask("Homeserver at " + baseUrl + " answered " + response.method()
                + " " + response.path() + " with an unexpected body (" + what + "): " + snippet(response.rawBody())),
                null);
    }

    /** {@code "M_FORBIDDEN: You are not allowed to ..."}, or what there is of it. */
    static String errorText(Response response) {
        String errcode = response.errcode();
        String error = response.error();
        if (errcode != null && error != null) {
            return errcode + ": " + error;
        }
        return errcode != null ? errcode : error;
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Percent-encodes one path segment or query value ({@code #}, {@code :}, {@code !}, {@code @} included). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> segment(e.getKey()) + "=" + segment(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** Never lets the token into a message, whatever a server or an exception echoed back. */
    private String mask(String message) {
        String token = properties.asToken();
        return token.isEmpty() || message == null ? message : message.replace(token, "<redacted>");
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
