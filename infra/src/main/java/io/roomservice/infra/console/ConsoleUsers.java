package io.roomservice.infra.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in console user, whichever way they signed in. */
final class ConsoleUsers {

    private ConsoleUsers() {
    }

    static ConsoleUser of(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof ConsoleUser user) {
            return user;
        }
        if (principal instanceof OidcUser oidc) {
            return ConsoleUser.of(oidc.getSubject(), oidc.getName(), oidc.getClaims(), false);
        }
        throw new IllegalStateException("Not signed in to the console");
    }
}
