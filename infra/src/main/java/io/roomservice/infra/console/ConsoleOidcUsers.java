package io.roomservice.infra.console;

import io.roomservice.infra.security.CallerAuthorities;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the identity provider gets the authorities the API would give their
 * token: the same claims ({@code is_staff}, {@code is_support}, {@code is_auditor}) decide.
 */
class ConsoleOidcUsers extends OidcUserService {

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        ConsoleUser console = ConsoleUser.of(user.getSubject(), user.getName(), user.getClaims(), false);
        return new DefaultOidcUser(console.authorities(), user.getIdToken(), user.getUserInfo());
    }
}
