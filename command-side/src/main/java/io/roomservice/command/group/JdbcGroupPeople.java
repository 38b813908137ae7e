package io.roomservice.command.group;

import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps {@code cmd_group_people} in step with the people's events. Subscribing, so the row is written
 * in the transaction of the event it follows: a membership added right after the person is recorded
 * finds them.
 */
@Component
@ProcessingGroup(JdbcGroupPeople.PROCESSING_GROUP)
public class JdbcGroupPeople implements GroupPeople {

    public static final String PROCESSING_GROUP = "group-people-lookup";

    private final JdbcTemplate jdbc;

    public JdbcGroupPeople(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> matrixUserId(UserId userId) {
        return jdbc.queryForList("select matrix_user_id from cmd_group_people where user_id = ?", String.class,
                userId.value()).stream().findFirst();
    }

    @EventHandler
    void on(GroupPersonRecorded event) {
        jdbc.update("delete from cmd_group_people where user_id = ?", event.userId().value());
        jdbc.update("insert into cmd_group_people (user_id, matrix_user_id) values (?, ?)", event.userId().value(),
                event.matrixUserId());
    }

    @EventHandler
    void on(GroupPersonMatrixIdChanged event) {
        jdbc.update("update cmd_group_people set matrix_user_id = ? where user_id = ?", event.matrixUserId(),
                event.userId().value());
    }

    @EventHandler
    void on(GroupPersonDeleted event) {
        jdbc.update("delete from cmd_group_people where user_id = ?", event.userId().value());
    }
}
