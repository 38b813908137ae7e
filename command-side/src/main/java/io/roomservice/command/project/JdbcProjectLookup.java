package io.roomservice.command.project;

import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code cmd_project_lookup} in step with project events. Its processing group is
 * subscribing, so the row is written in the same transaction as the event it follows. Read by
 * {@link io.roomservice.command.room.JdbcRoomsByProject} when a room claims its project.
 */
@Component
@ProcessingGroup(JdbcProjectLookup.PROCESSING_GROUP)
public class JdbcProjectLookup implements ProjectLookup {

    public static final String PROCESSING_GROUP = "project-lookup";

    private final JdbcTemplate jdbc;

    public JdbcProjectLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownProject> find(ProjectId projectId) {
        return jdbc.query("select customer_id, name, deleted from cmd_project_lookup where project_id = ?",
                (rs, row) -> new KnownProject(projectId, new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getBoolean(3)), projectId.value()).stream().findFirst();
    }

    @EventHandler
    void on(ProjectRegistered event) {
        jdbc.update("insert into cmd_project_lookup (project_id, customer_id, name, deleted) values (?, ?, ?, false)",
                event.projectId().value(), event.customerId().value(), event.name());
    }

    @EventHandler
    void on(ProjectRenamed event) {
        jdbc.update("update cmd_project_lookup set name = ? where project_id = ?", event.name(), event.projectId().value());
    }

    @EventHandler
    void on(ProjectDeleted event) {
        jdbc.update("update cmd_project_lookup set deleted = true where project_id = ?", event.projectId().value());
    }
}
