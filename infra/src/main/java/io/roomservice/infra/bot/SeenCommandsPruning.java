package io.roomservice.infra.bot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Forgets the commands the bot read once the homeserver can no longer push them again: as long as
 * the transactions they came in are kept ({@code roomservice.appservice.transaction-retention}, 30d).
 * Deleting twice (on several nodes) is harmless.
 */
@Component
class SeenCommandsPruning {

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    SeenCommandsPruning(JdbcTemplate jdbc,
                        @Value("${roomservice.appservice.transaction-retention:30d}") Duration retention,
                        Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(cron = "${roomservice.appservice.transaction-pruning-cron:0 15 3 * * *}", zone = "UTC")
    int prune() {
        return jdbc.update("delete from bot_commands_seen where seen_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
