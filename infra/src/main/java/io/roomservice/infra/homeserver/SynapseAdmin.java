package io.roomservice.infra.homeserver;

import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.homeserver.HomeserverException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Synapse's admin API, used where the appservice API has no equivalent (setting a person's password).
 * The appservice token is never a server admin, so roomservice keeps an admin account of its own,
 * {@code @roomservice-admin}, created with the registration shared secret (nonce, then HMAC-SHA1 over
 * {@code nonce NUL user NUL password NUL admin}); its password and access token live in the secret
 * store only.
 */
public class SynapseAdmin {

    static final String ADMIN_LOCALPART = "roomservice-admin";
    static final String TOKEN_SECRET = "synapse.admin.access_token";
    static final String PASSWORD_SECRET = "synapse.admin.password";

    private final MatrixConnections connections;
    private final SecretStore secrets;
    private final SecureRandom random = new SecureRandom();

    public SynapseAdmin(MatrixConnections connections, SecretStore secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    /** Sets a person's password (their sessions stay). */
    public void setPassword(String matrixUserId, String password) {
        MatrixConnections.Connection connection = connections.require();
        connection.admin().setPassword(adminToken(connection), matrixUserId, password);
    }

    /**
     * roomservice's Synapse admin account, for the admin API calls a feature makes through an adapter
     * of its own (force-join, deactivate, room membership); the account is registered on first use.
     */
    public MatrixIdentity adminIdentity() {
        MatrixConnections.Connection connection = connections.require();
        return MatrixIdentity.accessToken(connection.client().transport(), adminToken(connection));
    }

    /**
     * Joins a local user to a room through Synapse's admin API, as {@code admin} (an identity from
     * {@link #adminIdentity()}); false when the user has no account yet. Synapse refuses the join of
     * someone already in the room with 403: that is a join done, so repeated work changes nothing.
     */
    public static boolean forceJoin(MatrixIdentity admin, String roomId, String userId) {
        MatrixResponse answer = admin.post("/_synapse/admin/v1/join/" + MatrixTransport.segment(roomId),
                Map.of("user_id", userId));
        if (answer.status() == 404) {
            return false;
        }
        if (answer.status() == 403 && joined(admin, roomId, userId)) {
            return true;
        }
        answer.expect(Void.class);
        return true;
    }

    private static boolean joined(MatrixIdentity admin, String roomId, String userId) {
        MatrixResponse member = admin.get("/_matrix/client/v3/rooms/" + MatrixTransport.segment(roomId)
                + "/state/m.room.member/" + MatrixTransport.segment(userId));
        return member.successful() && "join".equals(member.body().path("membership").asString(""));
    }

    /** A random secret of 32 bytes, hex. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private synchronized String adminToken(MatrixConnections.Connection connection) {
        var stored = secrets.find(TOKEN_SECRET);
        if (stored.isPresent() && connection.sessions().tokenWorks(stored.get())) {
            return stored.get();
        }
        String password = secrets.find(PASSWORD_SECRET).orElseGet(() -> {
            String fresh = newSecret();
            secrets.put(PASSWORD_SECRET, fresh);
            return fresh;
        });
        String token = register(connection, password);
        secrets.put(TOKEN_SECRET, token);
        return token;
    }

    private String register(MatrixConnections.Connection connection, String password) {
        String sharedSecret = connection.properties().registrationSecret();
        if (sharedSecret.isEmpty()) {
            throw HomeserverException.permanentFailure(
                    "No registration secret is configured; the Synapse admin account cannot be created.");
        }
        SynapseAdminApi api = connection.admin();
        String nonce = api.registrationNonce();
        return api.register(new SynapseAdminApi.Registration(nonce, ADMIN_LOCALPART, password, true,
                        mac(sharedSecret, nonce, password)))
                .orElseGet(() -> connection.sessions().loginWithPassword(ADMIN_LOCALPART, password))
                .accessToken();
    }

    private static String mac(String sharedSecret, String nonce, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String message = nonce + "\0" + ADMIN_LOCALPART + "\0" + password + "\0admin";
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
