package io.roomservice.infra.homeserver;

import java.util.Optional;

import static io.roomservice.infra.homeserver.MatrixTransport.segment;

/**
 * The calls of Synapse's admin API that roomservice makes ({@code /_synapse/admin}): registering its
 * admin account with the registration shared secret, and setting a person's password with that
 * account's access token. Keeping the account and its secrets is {@link SynapseAdmin}'s.
 */
public class SynapseAdminApi {

    private static final String ADMIN = "/_synapse/admin";

    private final MatrixTransport transport;

    public SynapseAdminApi(MatrixTransport transport) {
        this.transport = transport;
    }

    private record Nonce(String nonce) {
    }

    /** A shared-secret registration; {@code mac} is the HMAC the homeserver checks. */
    record Registration(String nonce, String username, String password, boolean admin, String mac) {

        @Override
        public String toString() {
            return "Registration[username=" + username + ", admin=" + admin + ", password=******]";
        }
    }

    private record PasswordChange(String password, boolean logoutDevices) {

        @Override
        public String toString() {
            return "PasswordChange[logoutDevices=" + logoutDevices + ", password=******]";
        }
    }

    /** {@code GET /v1/register}: a nonce for one shared-secret registration (no token needed). */
    String registrationNonce() {
        return anonymous().get(ADMIN + "/v1/register").expect(Nonce.class).nonce();
    }

    /** {@code POST /v1/register}: the new account's session; empty when the user already exists. */
    Optional<MatrixSessions.Session> register(Registration registration) {
        MatrixResponse answer = anonymous().post(ADMIN + "/v1/register", registration);
        if (answer.is(400, "M_USER_IN_USE")) {
            return Optional.empty();
        }
        return Optional.of(MatrixSessions.session(answer));
    }

    /** {@code PUT /v2/users/{userId}} with a new password; the user's sessions stay. */
    void setPassword(String adminToken, String matrixUserId, String password) {
        MatrixIdentity.accessToken(transport, adminToken)
                .put(ADMIN + "/v2/users/" + segment(matrixUserId), new PasswordChange(password, false))
                .expect(Void.class);
    }

    private MatrixIdentity anonymous() {
        return MatrixIdentity.accessToken(transport, null);
    }
}
