package io.roomservice.infra.credentials;

import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a person's Matrix access ends, what roomservice handed them stops working: the stored access
 * token and password are forgotten and, when a password was handed out, the account gets a new
 * random one nobody knows ({@link ReplaceMatrixPassword}; their sessions are ended by {@code MatrixAccess}).
 */
@Component
@ProcessingGroup("credentials-revocation")
@DisallowReplay
class CredentialsRevocation {

    private final SecretStore secrets;
    private final HomeserverWorkQueue work;

    CredentialsRevocation(SecretStore secrets, HomeserverWorkQueue work) {
        this.secrets = secrets;
        this.work = work;
    }

    @EventHandler
    void on(MatrixAccessEnded event) {
        if (secrets.contains(Credentials.passwordSecret(event.userId()))) {
            work.submit(new ReplaceMatrixPassword(event.userId(), event.matrixUserId()));
        }
        secrets.delete(Credentials.passwordSecret(event.userId()));
        secrets.delete(Credentials.accessTokenSecret(event.userId()));
        secrets.delete(LoginTokens.secretName(event.userId()));
    }
}
