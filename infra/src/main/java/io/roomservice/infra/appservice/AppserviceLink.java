package io.roomservice.infra.appservice;

import io.roomservice.infra.homeserver.MatrixLink;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.secrets.SecretStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The current homeserver link: {@code roomservice.matrix.*} completed by what the setup endpoint
 * stored. A value set in the configuration is the deployment's and wins: the homeserver URL, domain
 * and registration secret are stored by setup only while the configuration leaves them empty, and
 * with {@code as-token} configured the deployment owns both tokens (setup then refuses to run).
 *
 * <p>Read from the database at most every few seconds (and at once after a setup here), so that a
 * setup done through another instance reaches this one quickly without a query per homeserver call;
 * while no homeserver is linked, every read goes to the database.
 */
@Component
public class AppserviceLink implements MatrixLink {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MatrixProperties configured;
    private final AppserviceSettingsRepository settings;
    private final SecretStore secrets;
    private volatile Snapshot snapshot;

    private record Snapshot(MatrixProperties properties, boolean enabled, long readAtNanos) {

        boolean linked() {
            return !properties.homeserverUrl().isEmpty() && !properties.asToken().isEmpty();
        }
    }

    public AppserviceLink(MatrixProperties configured, AppserviceSettingsRepository settings, SecretStore secrets) {
        this.configured = configured;
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public MatrixProperties current() {
        return snapshot().properties();
    }

    /** Set up by an administrator, or configured by the deployment. */
    public boolean enabled() {
        return snapshot().enabled();
    }

    /** The appservice tokens come from the configuration ({@code roomservice.matrix.as-token}). */
    public boolean tokensManagedByDeployment() {
        return !configured.asToken().isEmpty();
    }

    /** The next read goes to the database. */
    public void refresh() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot known = snapshot;
        // a link that is not there yet is asked for again at once: a setup through another instance a
        // moment ago must not fail this one's room creation with "No homeserver is configured"
        if (known != null && known.linked() && System.nanoTime() - known.readAtNanos() < REFRESH.toNanos()) {
            return known;
        }
        known = read();
        snapshot = known;
        return known;
    }

    private static String orStored(String fromConfiguration, Optional<String> stored) {
        return !fromConfiguration.isEmpty() ? fromConfiguration : stored.filter(v -> !v.isBlank()).orElse("");
    }

    private Snapshot read() {
        Optional<AppserviceSettings> stored = settings.find();
        String url = orStored(configured.homeserverUrl(), stored.map(AppserviceSettings::homeserverUrl));
        String domain = orStored(configured.domain(), stored.map(AppserviceSettings::homeserverDomain));
        String localpart = tokensManagedByDeployment() ? configured.senderLocalpart()
                : stored.map(AppserviceSettings::senderLocalpart).orElse(configured.senderLocalpart());
        String asToken = tokensManagedByDeployment() ? configured.asToken()
                : secrets.find(AppserviceSecretNames.AS_TOKEN).orElse("");
        String hsToken = tokensManagedByDeployment() ? configured.hsToken()
                : secrets.find(AppserviceSecretNames.HS_TOKEN).orElse("");
        String registrationSecret = orStored(configured.registrationSecret(),
                secrets.find(AppserviceSecretNames.REGISTRATION_SECRET));
        boolean enabled = tokensManagedByDeployment() || stored.map(AppserviceSettings::enabled).orElse(false);
        return new Snapshot(configured.withLink(url, domain, localpart, asToken, hsToken, registrationSecret),
                enabled, System.nanoTime());
    }
}
