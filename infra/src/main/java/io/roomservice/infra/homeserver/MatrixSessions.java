package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;

import static io.roomservice.infra.homeserver.MatrixClient.CLIENT_V3;

/**
 * Logins and access tokens of people and of the admin account: new sessions, whether a stored token
 * still works, and single-use login tokens. A person's or the admin's own token is sent only to the
 * calls made with it, and never shows in a failure.
 */
public class MatrixSessions {

    private final MatrixTransport transport;

    public MatrixSessions(MatrixTransport transport) {
        this.transport = transport;
    }

    /** A user's own session: what {@code /login} (or the admin registration) answered. */
    public record Session(String userId, String accessToken, String deviceId) {

        @Override
        public String toString() {
            return "Session[userId=" + userId + ", deviceId=" + deviceId + ", accessToken=******]";
        }
    }

    /** A short-lived, single-use token for {@code m.login.token}. */
    public record LoginToken(String loginToken, long expiresInMs) {

        @Override
        public String toString() {
            return "LoginToken[expiresInMs=" + expiresInMs + ", loginToken=******]";
        }
    }

    private record UserIdentifier(String type, String user) {
    }

    private record Login(String type, UserIdentifier identifier, String password) {

        static Login of(String type, String user, String password) {
            return new Login(type, new UserIdentifier("m.id.user", user), password);
        }

        @Override
        public String toString() {
            return "Login[type=" + type + ", identifier=" + identifier + "]";
        }
    }

    /**
     * {@code POST /login} with {@code m.login.application_service}: a new access token (and device)
     * for a user in the appservice's namespace, for embedded chat.
     */
    public Session loginAsAppserviceUser(String userId) {
        return session(MatrixIdentity.appservice(transport).post(CLIENT_V3 + "/login",
                Login.of("m.login.application_service", userId, null)));
    }

    /** {@code POST /login} with a password (the admin account of roomservice). */
    public Session loginWithPassword(String user, String password) {
        return session(anonymous().post(CLIENT_V3 + "/login", Login.of("m.login.password", user, password)));
    }

    /** {@code GET /account/whoami} with a user's own access token: whether the token still works. */
    public boolean tokenWorks(String accessToken) {
        MatrixResponse response = MatrixIdentity.accessToken(transport, accessToken).get(CLIENT_V3 + "/account/whoami");
        if (response.successful()) {
            return true;
        }
        if (response.status() == 401) {
            return false;
        }
        throw response.failure();
    }

    /**
     * {@code POST /_matrix/client/v1/login/get_token} with the user's own access token: a short-lived,
     * single-use token for {@code m.login.token} (Synapse: {@code login_via_existing_session} must be
     * enabled without UI auth).
     */
    public LoginToken loginToken(String accessToken) {
        return MatrixIdentity.accessToken(transport, accessToken).post("/_matrix/client/v1/login/get_token", null)
                .expect(LoginToken.class);
    }

    private MatrixIdentity anonymous() {
        return MatrixIdentity.accessToken(transport, null);
    }

    /** The session a {@code /login} or admin registration answered; transient when it has no token. */
    static Session session(MatrixResponse response) {
        Session session = response.expect(Session.class);
        if (session.accessToken() == null) {
            throw HomeserverException.transientFailure("The homeserver's /login answer has no access_token", null);
        }
        return session;
    }
}
