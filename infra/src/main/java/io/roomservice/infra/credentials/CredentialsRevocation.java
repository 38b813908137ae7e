package io.roomservice.infra.credentials;

import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a person's Matrix access ends, what roomservice handed them stops working: the stored access
 * token and password are forgotten and, when a password was handed out, the account gets a new
 * random one nobody knows (their sessions are ended by {@code MatrixAccess}).
 */
@Component
@ProcessingGroup("credentials-revocation")
@DisallowReplay
class CredentialsRevocation {

    private static final Logger log = LoggerFactory.getLogger(CredentialsRevocation.class);

    private final SecretStore secrets;
    private final SynapseAdmin admin;

    CredentialsRevocation(SecretStore secrets, SynapseAdmin admin) {
        this.secrets = secrets;
        this.admin = admin;
    }

    @EventHandler
    void on(MatrixAccessEnded event) {
        boolean hadPassword = secrets.contains(Credentials.passwordSecret(event.userId()));
        if (hadPassword) {
            try {
                admin.setPassword(event.matrixUserId(), admin.newSecret());
            } catch (HomeserverException failure) {
                if (failure.isTransient()) {
                    throw failure;
                }
                log.warn("The password of {} could not be replaced: {}", event.matrixUserId(), failure.getMessage());
            }
        }
        secrets.delete(Credentials.passwordSecret(event.userId()));
        secrets.delete(Credentials.accessTokenSecret(event.userId()));
    }
}
