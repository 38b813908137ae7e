package io.roomservice.infra.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How people get their Matrix login from {@code GET /api/matrix/credentials/}.
 *
 * @param loginMethod     {@code password} (a password roomservice sets through Synapse's admin API),
 *                        {@code token} (a short-lived single-use {@code m.login.token}; Synapse needs
 *                        {@code login_via_existing_session} enabled without UI auth) or {@code oidc} (the
 *                        person signs in through the identity provider) (default {@code token})
 * @param oidcProviderUrl shown with the {@code oidc} method (default empty)
 * @param limitForPeriod  calls a person may make per period (default 10)
 * @param limitPeriod     the rate limit's period (default 1m)
 */
@ConfigurationProperties("roomservice.credentials")
public record CredentialsProperties(@DefaultValue("token") String loginMethod,
                                    @DefaultValue("") String oidcProviderUrl,
                                    @DefaultValue("10") int limitForPeriod,
                                    @DefaultValue("1m") Duration limitPeriod) {

    public CredentialsProperties {
        if (!java.util.Set.of("password", "token", "oidc").contains(loginMethod)) {
            throw new IllegalArgumentException("roomservice.credentials.login-method must be password, token or oidc");
        }
    }
}
