package io.roomservice.infra.homeserver;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * The Matrix Client-Server API as the application service: rooms, membership, state and events,
 * as the bot or, where a method takes the user, as that user of the appservice's namespace. How the
 * homeserver's answers map to failures is {@link HomeserverFailures}'; how they travel, {@link MatrixTransport}'s.
 */
public class MatrixClient {

    static final String CLIENT_V3 = "/_matrix/client/v3";

    private final MatrixTransport transport;
    private final MatrixIdentity bot;

    /** A client of its own transport, without interceptors (tests, benchmarks). */
    public MatrixClient(MatrixProperties properties) {
        this(new MatrixTransport(properties, List.of()));
    }

    public MatrixClient(MatrixTransport transport) {
        this.transport = transport;
        this.bot = MatrixIdentity.appservice(transport);
    }

    public String homeserverUrl() {
        return transport.baseUrl();
    }

    /**
     * The appservice as its bot, for the calls a feature makes through an adapter of its own
     * ({@code .as(user)} to act as a user of the namespace).
     */
    public MatrixIdentity appservice() {
        return bot;
    }

    /** No credentials at all, for the homeserver's open endpoints (its version list). */
    public MatrixIdentity anonymous() {
        return MatrixIdentity.accessToken(transport, null);
    }

    MatrixTransport transport() {
        return transport;
    }

    // ------------------------------------------------------------------------------------------
    // What the calls send and answer

    public record WhoAmI(String userId, String deviceId) {
    }

    public record Versions(List<String> versions) {
    }

    public record JoinedRooms(List<String> joinedRooms) {
    }

    /** Member user id to its {@code display_name} and {@code avatar_url}. */
    public record JoinedMembers(Map<String, JsonNode> joined) {
    }

    /** One current state event of a room. */
    public record StateEvent(String type, String stateKey, String sender, JsonNode content) {
    }

    public record Ping(long durationMs) {
    }

    public record SentEvent(String eventId) {
    }

    /** One page of {@code /messages}: its events in the page's direction, and the token of the next page (null at the end). */
    public record Messages(List<JsonNode> chunk, String start, String end) {
    }

    private record RoomAnswer(String roomId) {
    }

    private record Registration(String type, String username, boolean inhibitLogin) {
    }

    private record DisplayName(String displayname) {
    }

    private record Invitation(String userId) {
    }

    private record Kick(String userId, String reason) {
    }

    private record PingRequest(String transactionId) {
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

    // ------------------------------------------------------------------------------------------
    // The calls roomservice makes

    /** {@code GET /account/whoami} as the bot, or as {@code asUser} when given. */
    public WhoAmI whoami(String asUser) {
        return bot.as(asUser).get(CLIENT_V3 + "/account/whoami").expect(WhoAmI.class);
    }

    /**
     * Registers a user in the appservice's namespace (without logging in). Returns false when the user
     * already existed ({@code M_USER_IN_USE}), which counts as success.
     */
    public boolean registerAppserviceUser(String localpart) {
        MatrixResponse response = bot.post(CLIENT_V3 + "/register",
                new Registration("m.login.application_service", localpart, true));
        if (response.is(400, "M_USER_IN_USE")) {
            return false;
        }
        response.expect(Void.class);
        return true;
    }

    /** The room an alias points at; empty when the alias is unknown ({@code 404 M_NOT_FOUND}). */
    public Optional<String> resolveAlias(String alias) {
        MatrixResponse response = bot.get(CLIENT_V3 + "/directory/room/" + segment(alias));
        if (response.is(404, "M_NOT_FOUND")) {
            return Optional.empty();
        }
        return Optional.of(roomId(response));
    }

    /** {@code POST /createRoom} as the bot. */
    public CreateRoomResult createRoom(CreateRoomRequest request) {
        MatrixResponse response = bot.post(CLIENT_V3 + "/createRoom", request);
        // The alias check before creating answers 400 M_ROOM_IN_USE. A concurrent creation that binds
        // the alias between that check and Synapse's own binding answers 409 M_UNKNOWN "Room alias ...
        // already exists" instead (Synapse 1.163; it leaves only an empty room id behind, no events).
        if (response.is(400, "M_ROOM_IN_USE") || (response.status() == 409 && request.roomAliasName() != null)) {
            return new AliasInUse(response.errorText());
        }
        return new Created(roomId(response));
    }

    private static String roomId(MatrixResponse response) {
        String roomId = response.expect(RoomAnswer.class).roomId();
        if (roomId == null) {
            throw response.malformed("no room_id");
        }
        return roomId;
    }

    /** {@code GET /_matrix/client/versions}: the spec versions the homeserver speaks. */
    public Versions versions() {
        return bot.get("/_matrix/client/versions").expect(Versions.class);
    }

    /** {@code GET /joined_rooms} as the bot. */
    public JoinedRooms joinedRooms() {
        return bot.get(CLIENT_V3 + "/joined_rooms").expect(JoinedRooms.class);
    }

    /**
     * {@code POST /_matrix/client/v1/appservice/{id}/ping}: the homeserver calls the appservice's
     * {@code /ping} and reports the round trip in {@code duration_ms}.
     */
    public Ping pingAppservice(String appserviceId, String transactionId) {
        return bot.post("/_matrix/client/v1/appservice/" + segment(appserviceId) + "/ping",
                new PingRequest(transactionId)).expect(Ping.class);
    }

    /** {@code PUT /profile/{userId}/displayname} as that (namespaced) user. */
    public void setDisplayName(String userId, String displayName) {
        bot.as(userId).put(CLIENT_V3 + "/profile/" + segment(userId) + "/displayname", new DisplayName(displayName))
                .expect(Void.class);
    }

    /** {@code POST /rooms/{roomId}/invite} as the bot. */
    public void invite(String roomId, String userId) {
        bot.post(room(roomId, "/invite"), new Invitation(userId)).expect(Void.class);
    }

    /** {@code POST /rooms/{roomId}/join} as the given (namespaced) user. */
    public void joinAs(String roomId, String userId) {
        bot.as(userId).post(room(roomId, "/join"), null).expect(Void.class);
    }

    /** {@code POST /rooms/{roomId}/leave} as the given (namespaced) user. */
    public void leaveAs(String roomId, String userId) {
        bot.as(userId).post(room(roomId, "/leave"), null).expect(Void.class);
    }

    /** {@code POST /rooms/{roomId}/kick} as the bot. */
    public void kick(String roomId, String userId, String reason) {
        bot.post(room(roomId, "/kick"), new Kick(userId, reason)).expect(Void.class);
    }

    /** The content of one state event ({@code GET /rooms/{roomId}/state/{type}/{stateKey}}) as the bot. */
    public JsonNode stateEvent(String roomId, String type, String stateKey) {
        return bot.get(room(roomId, "/state/" + segment(type) + "/" + segment(stateKey))).expect(JsonNode.class);
    }

    /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}} as the bot; {@code content} as Jackson writes it. */
    public void putStateEvent(String roomId, String type, String stateKey, Object content) {
        bot.put(room(roomId, "/state/" + segment(type) + "/" + segment(stateKey)), content).expect(Void.class);
    }

    /** {@code PUT /rooms/{roomId}/send/{type}/{txnId}} as the bot; the same txnId is a no-op on the homeserver. */
    public SentEvent sendEvent(String roomId, String type, String transactionId, Object content) {
        return bot.put(room(roomId, "/send/" + segment(type) + "/" + segment(transactionId)), content)
                .expect(SentEvent.class);
    }

    /** {@code POST /logout/all} as the given (namespaced) user: every access token of theirs stops working. */
    public void logoutAll(String userId) {
        bot.as(userId).post(CLIENT_V3 + "/logout/all", null).expect(Void.class);
    }

    /** {@code GET /rooms/{roomId}/joined_members} as the bot, or as {@code asUser} when given. */
    public JoinedMembers joinedMembers(String roomId, String asUser) {
        return bot.as(asUser).get(room(roomId, "/joined_members")).expect(JoinedMembers.class);
    }

    /** {@code GET /rooms/{roomId}/state}: every current state event, as the bot or {@code asUser}. */
    public List<StateEvent> roomState(String roomId, String asUser) {
        return List.of(bot.as(asUser).get(room(roomId, "/state")).expect(StateEvent[].class));
    }

    /**
     * {@code GET /rooms/{roomId}/messages} as the bot, forwards ({@code dir=f}) from {@code from}, or
     * from the room's first event when {@code from} is null.
     */
    public Messages messagesForward(String roomId, String from, int limit) {
        String query = "?dir=f&limit=" + limit + (from == null ? "" : "&from=" + segment(from));
        Messages page = bot.get(room(roomId, "/messages") + query).expect(Messages.class);
        return page.chunk() == null ? new Messages(List.of(), page.start(), null) : page;
    }

    /**
     * Streams the content of {@code mxc://server/mediaId} through the authenticated media API
     * ({@code GET /_matrix/client/v1/media/download/...}) as the appservice; returns the bytes written.
     */
    public long downloadMedia(String server, String mediaId, java.io.OutputStream sink) {
        return transport.download("/_matrix/client/v1/media/download/" + segment(server) + "/" + segment(mediaId),
                transport.properties().asToken(), sink);
    }

    private static String room(String roomId, String rest) {
        return CLIENT_V3 + "/rooms/" + segment(roomId) + rest;
    }
}
