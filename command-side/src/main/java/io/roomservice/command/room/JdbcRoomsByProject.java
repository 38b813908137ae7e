package io.roomservice.command.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.command.project.KnownProject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds one row per project that has a room in {@code cmd_room_by_project}, under a primary key on
 * the project. The creating command claims the row in its own transaction ({@link #claim}); the row
 * goes when the room is deleted, in the transaction that stores RoomDeleted (a subscribing group).
 *
 * <p>On PostgreSQL the claim is one statement: it reads the project from {@code cmd_project_lookup} and
 * inserts the row unless the project has one, which waits for a racing claim to commit or roll back. A
 * room creation is a command on the hot path, and each statement a round trip. On the embedded H2,
 * which has no data-modifying CTE, it is a look-up and an insert; of two racing claims the second
 * insert breaks the key and claims nothing.
 */
@Component
@ProcessingGroup(JdbcRoomsByProject.PROCESSING_GROUP)
public class JdbcRoomsByProject implements RoomsByProject {

    public static final String PROCESSING_GROUP = "room-lookup";

    /** The claim on PostgreSQL; public so that the benchmark's hand-written floor sends the very same statement. */
    public static final String CLAIM_IN_ONE_STATEMENT = """
            with project as (
                select customer_id, name, deleted from cmd_project_lookup where project_id = ?),
            claimed as (
                insert into cmd_room_by_project (project_id, room_id)
                select ?, ? from project where not deleted
                on conflict (project_id) do nothing
                returning room_id)
            select customer_id, name, deleted, exists (select from claimed) from project""";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public JdbcRoomsByProject(JdbcTemplate jdbc) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(
                Objects.requireNonNull(jdbc.getDataSource()), DatabaseMetaData::getDatabaseProductName));
    }

    @Override
    public RoomClaim claim(ProjectId projectId, RoomId roomId) {
        return postgres ? claimInOneStatement(projectId, roomId) : lookUpThenInsert(projectId, roomId);
    }

    private RoomClaim claimInOneStatement(ProjectId projectId, RoomId roomId) {
        return jdbc.query(CLAIM_IN_ONE_STATEMENT,
                        (rs, n) -> new RoomClaim(Optional.of(knownProject(projectId, rs)), rs.getBoolean(4)),
                        projectId.value(), projectId.value(), roomId.value())
                .stream().findFirst()
                .orElse(new RoomClaim(Optional.empty(), false));
    }

    private RoomClaim lookUpThenInsert(ProjectId projectId, RoomId roomId) {
        var project = jdbc.query("""
                        select p.customer_id, p.name, p.deleted, r.room_id is not null
                        from cmd_project_lookup p left join cmd_room_by_project r on r.project_id = p.project_id
                        where p.project_id = ?""",
                (rs, n) -> new KnownProjectWithRoom(knownProject(projectId, rs), rs.getBoolean(4)),
                projectId.value()).stream().findFirst();
        if (project.isEmpty() || project.get().project().deleted() || project.get().hasRoom()) {
            return new RoomClaim(project.map(KnownProjectWithRoom::project), false);
        }
        try {
            jdbc.update("insert into cmd_room_by_project (project_id, room_id) values (?, ?)",
                    projectId.value(), roomId.value());
            return new RoomClaim(Optional.of(project.get().project()), true);
        } catch (DuplicateKeyException racingClaim) {
            return new RoomClaim(Optional.of(project.get().project()), false);
        }
    }

    /** Both ways of claiming read the project as customer_id, name, deleted in the first three columns. */
    private static KnownProject knownProject(ProjectId projectId, ResultSet rs) throws SQLException {
        return new KnownProject(projectId, new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3));
    }

    @EventHandler
    void on(RoomDeleted event) {
        jdbc.update("delete from cmd_room_by_project where room_id = ?", event.roomId().value());
    }

    private record KnownProjectWithRoom(KnownProject project, boolean hasRoom) {
    }
}
