package io.roomservice.infra.console;

import io.roomservice.infra.security.JwtProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The console's development login (pick a person and a role, no password) exists exactly while the API
 * accepts development tokens: no identity provider's keys configured, the development HMAC key set.
 * Whoever can sign development tokens can act as anyone anyway; in production both are off.
 */
@Component
public class DevelopmentLogin {

    private final boolean enabled;

    public DevelopmentLogin(JwtProperties jwt,
                            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        this.enabled = jwkSetUri.isBlank() && jwt.hmacSecret().length() >= 32;
    }

    public boolean enabled() {
        return enabled;
    }
}
