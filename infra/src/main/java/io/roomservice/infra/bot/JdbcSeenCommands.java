package io.roomservice.infra.bot;

import io.roomservice.sagas.bot.SeenCommands;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * {@link SeenCommands} in the table {@code bot_commands_seen}. Written through the data source of the
 * processor's transaction, so the row, the answer's work and the processor's position commit together.
 * The one segment of the bot's processor is the only writer.
 */
class JdbcSeenCommands implements SeenCommands {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcSeenCommands(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String eventId) {
        return jdbc.update("""
                        insert into bot_commands_seen (event_id, seen_at)
                        select ?, ? where not exists (select 1 from bot_commands_seen where event_id = ?)""",
                eventId, Timestamp.from(clock.instant()), eventId) == 1;
    }
}
