package io.roomservice.infra.homeserver;

import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.homeserver.HomeserverException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

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
        MatrixClient client = connections.require().client();
        ObjectNode body = client.newObject().put("password", password).put("logout_devices", false);
        client.synapseAdmin("PUT", "/v2/users/" + MatrixClient.segment(matrixUserId), body, adminToken(client));
    }

    /** A random secret of 32 bytes, hex. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private synchronized String adminToken(MatrixClient client) {
        var stored = secrets.find(TOKEN_SECRET);
        if (stored.isPresent() && client.tokenWorks(stored.get())) {
            return stored.get();
        }
        String password = secrets.find(PASSWORD_SECRET).orElseGet(() -> {
            String fresh = newSecret();
            secrets.put(PASSWORD_SECRET, fresh);
            return fresh;
        });
        String token = register(client, password);
        secrets.put(TOKEN_SECRET, token);
        return token;
    }

    private String register(MatrixClient client, String password) {
        String sharedSecret = connections.require().properties().registrationSecret();
        if (sharedSecret.isEmpty()) {
            throw HomeserverException.permanentFailure(
                    "No registration secret is configured; the Synapse admin account cannot be created.");
        }
        JsonNode nonce = client.synapseAdmin("GET", "/v1/register", null, null);
        ObjectNode body = client.newObject()
                .put("nonce", nonce.path("nonce").asString())
                .put("username", ADMIN_LOCALPART)
                .put("password", password)
                .put("admin", true)
                .put("mac", mac(sharedSecret, nonce.path("nonce").asString(), password));
        MatrixClient.Response answer = client.synapseAdminRaw("POST", "/v1/register", body, null);
        if (answer.status() == 400 && "M_USER_IN_USE".equals(answer.errcode())) {
            return client.loginWithPassword(ADMIN_LOCALPART, password).accessToken();
        }
        JsonNode registered = client.expectSuccess(answer);
        return registered.path("access_token").asString();
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
