package io.roomservice.infra.console;

import io.roomservice.infra.security.CallerAuthorities;
import io.roomservice.infra.security.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is signed in to the console: the subject and the rights claims the API reads from a token
 * ({@code is_staff}, {@code is_support}, {@code is_auditor}). The console acts through the API's own
 * controllers with a token built from these claims, so every permission rule of the API holds here.
 */
public record ConsoleUser(String subject, String name, Map<String, Object> claims, boolean development)
        implements Serializable {

    /** The rights claims of the API, taken from an identity provider's claims. */
    static ConsoleUser of(String subject, String name, Map<String, Object> claims, boolean development) {
        Map<String, Object> rights = new HashMap<>();
        for (String claim : new String[] {Caller.STAFF_CLAIM, Caller.SUPPORT_CLAIM, Caller.AUDITOR_CLAIM}) {
            if (Boolean.TRUE.equals(claims.get(claim))) {
                rights.put(claim, true);
            }
        }
        return new ConsoleUser(subject, name, Map.copyOf(rights), development);
    }

    /** The token the API's controllers read the caller from; never leaves the server. */
    public Jwt token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("console-session").header("alg", "none").subject(subject)
                .claims(all -> all.putAll(claims)).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).build();
    }

    public Caller caller() {
        return Caller.of(token());
    }

    Collection<GrantedAuthority> authorities() {
        return new CallerAuthorities().convert(token());
    }

    public boolean staff() {
        return caller().staff();
    }

    public boolean auditor() {
        return caller().auditor();
    }

    public boolean staffOrSupport() {
        return caller().staffOrSupport();
    }
}
