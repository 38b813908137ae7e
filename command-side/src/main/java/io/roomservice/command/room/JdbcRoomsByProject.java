package io.roomservice.command.room;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Holds one row per project that has a room, under a primary key on the project. The group is
 * subscribing: the insert runs in the transaction that stores RoomCreationRequested, so when two
 * requests race for one project, the key lets exactly one of them commit.
 */
@Component
@ProcessingGroup(JdbcRoomsByProject.PROCESSING_GROUP)
public class JdbcRoomsByProject implements RoomsByProject {

    public static final String PROCESSING_GROUP = "room-lookup";

    private final JdbcTemplate jdbc;

    public JdbcRoomsByProject(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RoomId> roomOf(ProjectId projectId) {
        return jdbc.queryForList("select room_id from cmd_room_by_project where project_id = ?", UUID.class,
                projectId.value()).stream().findFirst().map(RoomId::new);
    }

    @EventHandler
    void on(RoomCreationRequested event) {
        jdbc.update("insert into cmd_room_by_project (project_id, room_id) values (?, ?)",
                event.projectId().value(), event.roomId().value());
    }

    @EventHandler
    void on(RoomDeleted event) {
        jdbc.update("delete from cmd_room_by_project where room_id = ?", event.roomId().value());
    }
}
