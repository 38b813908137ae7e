package io.roomservice.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How bearer tokens are checked when no JWK set or issuer of an identity provider is configured.
 *
 * @param hmacSecret development key (HS256, at least 32 bytes); empty disables it
 * @param issuer     when set, tokens must carry this {@code iss}
 * @param clockSkew  tolerance for {@code exp} and {@code nbf} (default 30s)
 */
@ConfigurationProperties("roomservice.security.jwt")
public record JwtProperties(@DefaultValue("") String hmacSecret, @DefaultValue("") String issuer,
                            @DefaultValue("30s") Duration clockSkew) {
}
