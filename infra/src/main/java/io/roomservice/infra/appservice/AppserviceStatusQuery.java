package io.roomservice.infra.appservice;

import io.roomservice.infra.homeserver.MatrixProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads the appservice's state for the status endpoint. */
@Component
public class AppserviceStatusQuery {

    static final String WEBHOOK_PATH = "/_matrix/app/v1/transactions";

    private final AppserviceLink link;
    private final AppserviceSettingsRepository settings;
    private final JdbcTemplate jdbc;

    public AppserviceStatusQuery(AppserviceLink link, AppserviceSettingsRepository settings, JdbcTemplate jdbc) {
        this.link = link;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    public AppserviceStatus status() {
        MatrixProperties p = link.current();
        Optional<AppserviceSettings> stored = settings.find();
        Long transactions = jdbc.queryForObject("select count(*) from appservice_transactions", Long.class);
        return new AppserviceStatus(
                link.enabled(),
                !p.asToken().isEmpty(),
                !p.hsToken().isEmpty(),
                Fingerprints.of(p.asToken()),
                Fingerprints.of(p.hsToken()),
                !p.registrationSecret().isEmpty(),
                link.tokensManagedByDeployment() ? "deployment" : null,
                p.senderLocalpart(),
                p.domain().isEmpty() ? null : "@" + p.senderLocalpart() + ":" + p.domain(),
                stored.map(AppserviceSettings::webhookUrl).orElse(null),
                WEBHOOK_PATH,
                p.homeserverUrl().isEmpty() ? null : p.homeserverUrl(),
                p.domain().isEmpty() ? null : p.domain(),
                transactions == null ? 0 : transactions,
                stored.map(AppserviceSettings::configuredAt).orElse(null),
                stored.map(AppserviceSettings::configuredBy).orElse(null));
    }
}
