package io.roomservice.infra.support;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Mints bearer tokens the way the host platform's identity provider would, for tests. */
public final class TestTokens {

    public static final String DEV_SECRET = "roomservice-development-secret-change-me-0123456789";

    private TestTokens() {
    }

    public static String staff() {
        return person(UUID.randomUUID(), Map.of("is_staff", true));
    }

    public static String support() {
        return person(UUID.randomUUID(), Map.of("is_support", true));
    }

    public static String auditor() {
        return person(UUID.randomUUID(), Map.of("is_auditor", true));
    }

    public static String person(UUID user) {
        return person(user, Map.of());
    }

    public static String host() {
        return sign(DEV_SECRET, "host-platform", Map.of("scope", "host"), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String person(UUID user, Map<String, Object> claims) {
        return sign(DEV_SECRET, user.toString(), claims, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String expiredStaff() {
        return sign(DEV_SECRET, UUID.randomUUID().toString(), Map.of("is_staff", true),
                Instant.now().minus(Duration.ofHours(1)));
    }

    public static String foreignStaff() {
        return sign("some-other-identity-provider-secret-0123456789", UUID.randomUUID().toString(),
                Map.of("is_staff", true), Instant.now().plus(Duration.ofHours(1)));
    }

    public static String sign(String secret, String subject, Map<String, Object> claims, Instant expiresAt) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        var claimSet = JwtClaimsSet.builder().subject(subject).issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt).claims(c -> c.putAll(claims)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claimSet))
                .getTokenValue();
    }
}
