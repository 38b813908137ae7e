package io.roomservice.infra.homeserver;

import org.springframework.http.HttpMethod;

/**
 * Who a homeserver call is made as. The appservice calls with its {@code as_token}, as its sender (the
 * bot) or, asserting it with {@code ?user_id=}, as any user in its namespace; a person or the admin
 * account call with an access token of their own, which asserts nothing else; the registration nonce
 * is fetched with no token at all.
 */
public final class MatrixIdentity {

    private final MatrixTransport transport;
    private final String bearer;
    private final String assertedUser;

    private MatrixIdentity(MatrixTransport transport, String bearer, String assertedUser) {
        this.transport = transport;
        this.bearer = bearer;
        this.assertedUser = assertedUser;
    }

    /** The appservice as its sender, the bot. */
    public static MatrixIdentity appservice(MatrixTransport transport) {
        return new MatrixIdentity(transport, transport.properties().asToken(), null);
    }

    /** The holder of {@code accessToken}; no {@code Authorization} at all when it is null. */
    public static MatrixIdentity accessToken(MatrixTransport transport, String accessToken) {
        return new MatrixIdentity(transport, accessToken, null);
    }

    /** The appservice acting as {@code userId} (one of its namespace); null or blank stays the bot. */
    public MatrixIdentity as(String userId) {
        if (!transport.properties().asToken().equals(bearer)) {
            throw new IllegalStateException("Only the appservice token may assert another user's identity");
        }
        return new MatrixIdentity(transport, bearer, userId);
    }

    public MatrixResponse get(String path) {
        return transport.exchange(HttpMethod.GET, path, assertedUser, null, bearer);
    }

    public MatrixResponse post(String path, Object body) {
        return transport.exchange(HttpMethod.POST, path, assertedUser, body, bearer);
    }

    public MatrixResponse put(String path, Object body) {
        return transport.exchange(HttpMethod.PUT, path, assertedUser, body, bearer);
    }

    public MatrixResponse delete(String path) {
        return transport.exchange(HttpMethod.DELETE, path, assertedUser, null, bearer);
    }

    @Override
    public String toString() {
        return "MatrixIdentity[" + (assertedUser != null ? assertedUser : bearer == null ? "anonymous" : "token")
                + "]";
    }
}
