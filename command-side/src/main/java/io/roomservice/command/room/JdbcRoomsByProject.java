package io.roomservice.command.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.command.project.KnownProject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Holds one row per project that has a room, under a primary key on the project, and answers what a
 * new room must know about its project from this table and {@code cmd_project_lookup}. The group is
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

    /** One query for both facts: a creation is a command on the hot path, and each look-up a round trip. */
    @Override
    public NewRoomCheck newRoomFor(ProjectId projectId) {
        return jdbc.query("""
                        select p.customer_id, p.name, p.deleted, r.room_id
                        from cmd_project_lookup p left join cmd_room_by_project r on r.project_id = p.project_id
                        where p.project_id = ?""",
                (rs, n) -> new NewRoomCheck(
                        Optional.of(new KnownProject(projectId, new CustomerId(rs.getObject(1, UUID.class)),
                                rs.getString(2), rs.getBoolean(3))),
                        Optional.ofNullable(rs.getObject(4, UUID.class)).map(RoomId::new)),
                projectId.value()).stream().findFirst()
                .orElse(new NewRoomCheck(Optional.empty(), Optional.empty()));
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
