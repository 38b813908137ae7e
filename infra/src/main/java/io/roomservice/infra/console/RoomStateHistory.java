package io.roomservice.infra.console;

import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomReprovisioningStarted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rooms per state over time, from the event store: every room's state-changing events (their types
 * and times only, never payloads), replayed into the number of rooms in each state at the end of each
 * hour or day.
 */
@Component
class RoomStateHistory {

    private static final Map<String, String> STATE_AFTER = Map.of(
            RoomCreationRequested.class.getName(), "creating", RoomActivated.class.getName(), "active",
            RoomFailed.class.getName(), "error", RoomProvisioningRetried.class.getName(), "creating",
            RoomDisablingStarted.class.getName(), "disabling", RoomDisablingRetried.class.getName(), "disabling",
            RoomArchived.class.getName(), "archived", RoomReactivated.class.getName(), "active",
            RoomReprovisioningStarted.class.getName(), "creating", RoomDeleted.class.getName(), "deleted");
    static final List<String> STATES = List.of("creating", "active", "disabling", "archived", "error");
    private static final int BUCKETS = 24;

    private record Change(String room, String state, Instant at) {
    }

    private final JdbcTemplate jdbc;

    RoomStateHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of rooms in each state at the end of each of the last 24 buckets (hours, or days when older). */
    Map<String, List<SvgCharts.Point>> perState(Instant now) {
        String types = String.join(",", STATE_AFTER.keySet().stream().map(type -> "'" + type + "'").toList());
        List<Change> changes = jdbc.query("select aggregate_identifier, payload_type, time_stamp from domain_event_entry "
                        + "where payload_type in (" + types + ") order by global_index",
                (rs, row) -> new Change(rs.getString(1), STATE_AFTER.get(rs.getString(2)), Instant.parse(rs.getString(3))));
        Instant first = changes.isEmpty() ? now : changes.get(0).at();
        ChronoUnit unit = Duration.between(first, now).toHours() < BUCKETS ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant start = now.truncatedTo(unit).minus(BUCKETS - 1, unit);
        Map<String, List<SvgCharts.Point>> series = new LinkedHashMap<>();
        STATES.forEach(state -> series.put(state, new ArrayList<>()));
        Map<String, String> stateOf = new HashMap<>();
        int next = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            Instant end = start.plus(bucket + 1L, unit);
            while (next < changes.size() && changes.get(next).at().isBefore(end)) {
                stateOf.put(changes.get(next).room(), changes.get(next).state());
                next++;
            }
            String label = unit == ChronoUnit.HOURS ? end.toString().substring(11, 16) : end.toString().substring(0, 10);
            STATES.forEach(state -> series.get(state).add(new SvgCharts.Point(label,
                    stateOf.values().stream().filter(state::equals).count())));
        }
        return series;
    }
}
