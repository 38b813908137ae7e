package io.roomservice.infra.credentials;

import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixSessions;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login tokens for the {@code token} method. Synapse lets a user ask {@code /login/get_token} once a
 * minute, and no exemption reaches that limiter: it is checked without the requester, so neither the
 * admin API's {@code override_ratelimit} nor the appservice's {@code rate_limited: false} lift it
 * (Synapse 1.163). So the last token handed out is kept in the secret store with its expiry, and
 * when Synapse answers 429 a token still valid for a while is handed out again. A token already used
 * to log in cannot work twice; that is the homeserver's rule, and the person's client then gets
 * {@code M_FORBIDDEN} and asks again after the minute.
 */
@Component
class LoginTokens {

    /** Left of a kept token's life for it to be worth handing out again: time for the client to use it. */
    static final Duration MIN_REMAINING = Duration.ofSeconds(30);

    private final SecretStore secrets;
    private final Clock clock = Clock.systemUTC();

    LoginTokens(SecretStore secrets) {
        this.secrets = secrets;
    }

    static String secretName(UserId user) {
        return "credentials." + user + ".login_token";
    }

    /** A fresh token when the homeserver gives one, else the kept one while it lasts; else the 429. */
    MatrixSessions.LoginToken issue(UserId user, String accessToken, MatrixSessions sessions) {
        MatrixSessions.LoginToken fresh;
        try {
            fresh = sessions.loginToken(accessToken);
        } catch (HomeserverException failure) {
            if (!failure.isRateLimited()) {
                throw failure;
            }
            return kept(user).orElseThrow(() -> failure);
        }
        Instant expiresAt = clock.instant().plusMillis(fresh.expiresInMs());
        secrets.put(secretName(user), expiresAt.toEpochMilli() + " " + fresh.loginToken());
        return fresh;
    }

    private Optional<MatrixSessions.LoginToken> kept(UserId user) {
        return secrets.find(secretName(user)).flatMap(stored -> {
            int space = stored.indexOf(' ');
            long remaining = Long.parseLong(stored.substring(0, space)) - clock.millis();
            if (remaining < MIN_REMAINING.toMillis()) {
                return Optional.empty();
            }
            return Optional.of(new MatrixSessions.LoginToken(stored.substring(space + 1), remaining));
        });
    }
}
