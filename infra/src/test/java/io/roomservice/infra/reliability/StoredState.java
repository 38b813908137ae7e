package io.roomservice.infra.reliability;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

/**
 * What a request could have stored, read in one query: the newest event of the event store and the
 * number of rows of every table a request writes in its own transaction (command-side look-ups,
 * secrets, personal data keys, the appservice's settings and transactions) or starts work in (sagas,
 * scheduled homeserver work, deadlines). Read models are left out: they follow the events.
 */
final class StoredState {

    static final List<String> TABLES = List.of("appservice_settings", "appservice_transactions", "secrets",
            "personal_data_keys", "cmd_project_lookup", "cmd_room_by_project", "cmd_user_lookup",
            "cmd_matrix_user_ids", "saga_entry", "association_value_entry", "scheduled_tasks", "dead_letter_entry");

    private static final String SNAPSHOT = "select concat_ws(',', (select coalesce(max(global_index), -1) "
            + "from domain_event_entry)" + TABLES.stream().map(t -> ", (select count(*) from " + t + ")")
            .reduce("", String::concat) + ")";

    private final JdbcTemplate jdbc;

    StoredState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest event index, then the row count of each of {@link #TABLES}, as one comparable text. */
    String snapshot() {
        return "events<=" + jdbc.queryForObject(SNAPSHOT, String.class);
    }

    long lastEvent() {
        return jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
    }

    /** Events stored after {@code afterIndex} whose metadata carries this request id. */
    long eventsOfRequest(String requestId, long afterIndex) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? "
                + "and convert_from(meta_data, 'UTF8') like ?", Long.class, afterIndex, "%\"" + requestId + "\"%");
    }

    /**
     * Waits until nothing changes any more (the sagas and homeserver work a request started have
     * finished): the same snapshot twice in a row, {@code quiet} apart. Gives up after {@code atMost}.
     */
    String settle(Duration quiet, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = snapshot();
        while (System.nanoTime() < deadline) {
            sleep(quiet);
            String now = snapshot();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
