package io.roomservice.infra.appservice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:<first 12 hex digits>}: enough to tell two tokens apart, useless to recover one. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return "sha256:" + sha256Hex(secret).substring(0, 12);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
