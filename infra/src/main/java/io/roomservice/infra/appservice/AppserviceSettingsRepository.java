package io.roomservice.infra.appservice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;

/** The single row of {@code appservice_settings}. */
@Repository
public class AppserviceSettingsRepository {

    private final JdbcTemplate jdbc;

    public AppserviceSettingsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AppserviceSettings> find() {
        return jdbc.query("""
                        select enabled, homeserver_url, homeserver_domain, sender_localpart, webhook_url,
                               configured_at, configured_by
                        from appservice_settings where id = 1""",
                (rs, row) -> new AppserviceSettings(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .stream().findFirst();
    }

    /** Locks the row (when there is one) until the end of the transaction: setups run one at a time. */
    public Optional<AppserviceSettings> findForUpdate() {
        jdbc.query("select id from appservice_settings where id = 1 for update", rs -> { });
        return find();
    }

    public void save(AppserviceSettings settings) {
        Object[] values = {settings.enabled(), settings.homeserverUrl(), settings.homeserverDomain(),
                settings.senderLocalpart(), settings.webhookUrl(),
                settings.configuredAt() == null ? null : Timestamp.from(settings.configuredAt()),
                settings.configuredBy()};
        int updated = jdbc.update("""
                update appservice_settings set enabled = ?, homeserver_url = ?, homeserver_domain = ?,
                       sender_localpart = ?, webhook_url = ?, configured_at = ?, configured_by = ?
                where id = 1""", values);
        if (updated == 0) {
            jdbc.update("""
                    insert into appservice_settings (enabled, homeserver_url, homeserver_domain, sender_localpart,
                                                     webhook_url, configured_at, configured_by, id)
                    values (?, ?, ?, ?, ?, ?, ?, 1)""", values);
        }
    }
}
