package io.roomservice.query.deployment;

import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.deployment.DeploymentUsers;
import io.roomservice.api.deployment.FindDeploymentUsers;

import io.roomservice.api.deployment.DeploymentBootstrapCompleted;
import io.roomservice.api.deployment.DeploymentBootstrapFailed;
import io.roomservice.api.deployment.DeploymentBootstrapStarted;
import io.roomservice.api.deployment.DeploymentBootstrapStepRecorded;
import io.roomservice.api.deployment.DeploymentView;
import io.roomservice.api.deployment.FindDeployment;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deployment's catalogue rooms and its bootstraps, step by step. A read model only (DeploymentSpace
 * decides); a reset empties it and a replay fills it again; rebuildable blue/green ({@link #writingTo}).
 */
@Component
@ProcessingGroup(DeploymentProjection.PROCESSING_GROUP)
public class DeploymentProjection {

    public static final String PROCESSING_GROUP = "deployment";

    /** The live tables, which the queries read; in the order a rebuild switches and compares them. */
    public static final List<String> TABLES = List.of("deployment_rooms", "deployment_bootstraps",
            "deployment_bootstrap_steps", "deployment_users");

    private final JdbcTemplate jdbc;
    private final String suffix;

    @Autowired
    public DeploymentProjection(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    private DeploymentProjection(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.suffix = suffix;
    }

    /**
     * The projection's event handling writing shadow tables beside the live ones, each named like its
     * live table followed by {@code suffix} (a blue/green rebuild); its queries are not used.
     */
    public static DeploymentProjection writingTo(String suffix, JdbcTemplate jdbc) {
        return new DeploymentProjection(jdbc, suffix);
    }

    /** The table this instance writes for the live table {@code live}. */
    private String t(String live) {
        return live + suffix;
    }

    @EventHandler
    void on(DeploymentBootstrapStarted event, @Timestamp Instant at) {
        jdbc.update("delete from " + t("deployment_bootstraps") + " where bootstrap_id = ?", event.bootstrapId());
        jdbc.update("insert into " + t("deployment_bootstraps")
                        + " (bootstrap_id, deployment, state, started_at) values (?, ?, ?, ?)",
                event.bootstrapId(), event.deployment().value(), "running", java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(DeploymentBootstrapStepRecorded event) {
        String steps = t("deployment_bootstrap_steps");
        int updated = jdbc.update("update " + steps + " set outcome = ?, detail = ? where bootstrap_id = ? and step = ?",
                event.outcome(), event.detail(), event.bootstrapId(), event.step());
        if (updated == 0) {
            jdbc.update("""
                            insert into %1$s (bootstrap_id, step, position, outcome, detail)
                            select ?, ?, count(*), ?, ? from %1$s where bootstrap_id = ?""".formatted(steps),
                    event.bootstrapId(), event.step(), event.outcome(), event.detail(), event.bootstrapId());
        }
    }

    @EventHandler
    void on(DeploymentBootstrapCompleted event, @Timestamp Instant at) {
        jdbc.update("update " + t("deployment_bootstraps") + " set state = 'completed', finished_at = ? "
                + "where bootstrap_id = ?", java.sql.Timestamp.from(at), event.bootstrapId());
        jdbc.update("delete from " + t("deployment_rooms") + " where deployment = ?", event.deployment().value());
        event.rooms().forEach((key, roomId) -> jdbc.update(
                "insert into " + t("deployment_rooms") + " (deployment, room_key, room_id) values (?, ?, ?)",
                event.deployment().value(), key, roomId));
    }

    @EventHandler
    void on(DeploymentBootstrapFailed event, @Timestamp Instant at) {
        jdbc.update("update " + t("deployment_bootstraps") + " set state = 'failed', finished_at = ?, failed_step = ?, "
                        + "failure = ? where bootstrap_id = ?", java.sql.Timestamp.from(at), event.step(), event.reason(),
                event.bootstrapId());
    }

    /** Only the last account action and the last admin action count; a revocation ends the rights too. */
    @EventHandler
    void on(DeploymentUserCallbackRecorded event) {
        UUID user = event.userId().value();
        String users = t("deployment_users");
        if (jdbc.update("update " + users + " set matrix_user_id = ? where user_id = ?", event.matrixUserId(), user) == 0) {
            jdbc.update("insert into " + users + " (user_id, deployment, matrix_user_id, admin) values (?, ?, ?, false)",
                    user, event.deployment().value(), event.matrixUserId());
        }
        switch (event.action()) {
            case CREATED -> jdbc.update("update " + users + " set account = 'created' where user_id = ?", user);
            case REVOKED -> jdbc.update("update " + users + " set account = 'revoked', admin = false where user_id = ?",
                    user);
            case PROMOTED, DEMOTED -> jdbc.update("update " + users + " set admin = ? where user_id = ?",
                    event.action() == DeploymentUserAction.PROMOTED, user);
            case UPDATED -> { }
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + t(table)));
    }

    @QueryHandler
    public DeploymentUsers handle(FindDeploymentUsers query) {
        return new DeploymentUsers(jdbc.query("""
                        select user_id, matrix_user_id, account, admin from deployment_users
                         where deployment = ? and (account is null or account <> 'revoked') order by matrix_user_id""",
                (rs, row) -> new DeploymentUsers.User(new DeploymentUserId(rs.getObject(1, UUID.class)),
                        rs.getString(2), "created".equals(rs.getString(3)), rs.getBoolean(4)),
                query.deployment().value()));
    }

    @QueryHandler
    public DeploymentView handle(FindDeployment query) {
        String deployment = query.deployment().value();
        List<DeploymentView.CatalogueRoomView> rooms = jdbc.query(
                "select room_key, room_id from deployment_rooms where deployment = ? order by room_key",
                (rs, row) -> new DeploymentView.CatalogueRoomView(rs.getString(1), null, rs.getString(2)), deployment);
        List<DeploymentView.BootstrapView> last = jdbc.query("""
                        select bootstrap_id, state, started_at, finished_at, failed_step, failure
                          from deployment_bootstraps where deployment = ? order by started_at desc limit 1""",
                (rs, row) -> new DeploymentView.BootstrapView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getString(6), List.of()), deployment);
        if (rooms.isEmpty() && last.isEmpty()) {
            return null;
        }
        DeploymentView.BootstrapView bootstrap = last.isEmpty() ? null : withSteps(last.get(0));
        return new DeploymentView(deployment, !rooms.isEmpty(), rooms, bootstrap);
    }

    private DeploymentView.BootstrapView withSteps(DeploymentView.BootstrapView bootstrap) {
        return new DeploymentView.BootstrapView(bootstrap.id(), bootstrap.state(), bootstrap.startedAt(),
                bootstrap.finishedAt(), bootstrap.failedStep(), bootstrap.failure(), steps(bootstrap.id()));
    }

    private List<DeploymentView.StepView> steps(UUID bootstrapId) {
        return jdbc.query("select step, outcome, detail from deployment_bootstrap_steps where bootstrap_id = ? "
                        + "order by position", (rs, row) -> new DeploymentView.StepView(rs.getString(1), rs.getString(2),
                rs.getString(3)), bootstrapId);
    }
}
