package io.roomservice.command.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.AreaEntered;
import io.roomservice.api.world.AreaLeft;
import io.roomservice.api.world.AreaPresenceTimedOut;
import io.roomservice.api.world.ChatIdLinked;
import io.roomservice.api.world.WorldRoomId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code cmd_area_presence} in step with presence events, in the transaction that stores them. */
@Component
@ProcessingGroup(JdbcAreaPresences.PROCESSING_GROUP)
public class JdbcAreaPresences implements AreaPresences {

    public static final String PROCESSING_GROUP = "area-presence-lookup";

    private final JdbcTemplate jdbc;

    public JdbcAreaPresences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean othersWith(WorldRoomId areaId, String matrixUserId, UserId except) {
        Integer count = jdbc.queryForObject("""
                select count(*) from cmd_area_presence
                 where area_id = ? and matrix_user_id = ? and person_id <> ?""", Integer.class,
                areaId.value(), matrixUserId, except.value());
        return count != null && count > 0;
    }

    @EventHandler
    void on(AreaEntered event) {
        jdbc.update("delete from cmd_area_presence where area_id = ? and person_id = ?", event.areaId().value(),
                event.person().value());
        jdbc.update("insert into cmd_area_presence (area_id, person_id, matrix_user_id) values (?, ?, ?)",
                event.areaId().value(), event.person().value(), event.matrixUserId());
    }

    @EventHandler
    void on(AreaLeft event) {
        gone(event.areaId(), event.person());
    }

    @EventHandler
    void on(AreaPresenceTimedOut event) {
        gone(event.areaId(), event.person());
    }

    @EventHandler
    void on(ChatIdLinked event) {
        jdbc.update("update cmd_area_presence set matrix_user_id = ? where person_id = ?", event.matrixUserId(),
                event.person().value());
    }

    private void gone(WorldRoomId areaId, UserId person) {
        jdbc.update("delete from cmd_area_presence where area_id = ? and person_id = ?", areaId.value(),
                person.value());
    }
}
