package io.roomservice.infra.gateway;

import io.roomservice.infra.secrets.SecretStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calling services' tokens. Configured tokens are written to the encrypted secret store on start
 * ({@code gateway.service.<name>.token}) and read back from there, so the store is where a deployment's
 * tokens live; in memory only their SHA-256 digests are kept. A presented token is compared with every
 * service's digest in constant time, and all of them are compared, so neither the length of a match nor
 * which service matched shows in the answer's timing.
 */
class ServiceTokens {

    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    ServiceTokens(GatewayProperties properties, SecretStore secrets) {
        properties.services().forEach((name, service) -> {
            if (service.token() == null || service.token().isBlank()) {
                throw new IllegalStateException("roomservice.gateway.services." + name + ".token must be set");
            }
            secrets.put(secretName(name), service.token());
            digests.put(name, digest(secrets.find(secretName(name)).orElseThrow()));
        });
    }

    static String secretName(String service) {
        return "gateway.service." + service + ".token";
    }

    /** The service whose token this is; empty for a missing or unknown token. */
    Optional<String> serviceOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented);
        String found = null;
        for (Map.Entry<String, byte[]> service : digests.entrySet()) {
            if (MessageDigest.isEqual(candidate, service.getValue()) && found == null) {
                found = service.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
