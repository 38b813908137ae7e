package io.roomservice.infra.bot;

import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's record of commands read is kept as long as the transactions they came in, not for ever. */
class SeenCommandsPruningEndToEndTest extends EndToEndTest {

    @Autowired
    SeenCommandsPruning pruning;

    @Test
    void aCommandReadLongerAgoThanTransactionsAreKeptIsForgottenARecentOneIsNot() {
        String old = "$old-" + UUID.randomUUID();
        String recent = "$recent-" + UUID.randomUUID();
        jdbc.update("insert into bot_commands_seen (event_id, seen_at) values (?, ?)", old,
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))));
        jdbc.update("insert into bot_commands_seen (event_id, seen_at) values (?, ?)", recent,
                Timestamp.from(Instant.now().minus(Duration.ofDays(29))));

        pruning.prune();

        assertThat(jdbc.queryForObject("select count(*) from bot_commands_seen where event_id in (?, ?)",
                Long.class, old, recent)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from bot_commands_seen where event_id = ?", Long.class,
                recent)).isOne();
    }
}
