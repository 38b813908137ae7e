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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deployment's catalogue rooms and its bootstraps, step by step. A read model only (DeploymentSpace
 * decides); a reset empties it and a replay fills it again.
 */
@Component
@ProcessingGroup(DeploymentProjection.PROCESSING_GROUP)
public class DeploymentProjection {

    public static final String PROCESSING_GROUP = "deployment";

    private final JdbcTemplate jdbc;

    public DeploymentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeploymentBootstrapStarted event, @Timestamp Instant at) {
        jdbc.update("delete from deployment_bootstraps where bootstrap_id = ?", event.bootstrapId());
        jdbc.update("insert into deployment_bootstraps (bootstrap_id, deployment, state, started_at) values (?, ?, ?, ?)",
                event.bootstrapId(), event.deployment().value(), "running", java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(DeploymentBootstrapStepRecorded event) {
        int updated = jdbc.update("update deployment_bootstrap_steps set outcome = ?, detail = ? "
                + "where bootstrap_id = ? and step = ?", event.outcome(), event.detail(), event.bootstrapId(), event.step());
        if (updated == 0) {
            jdbc.update("""
                    insert into deployment_bootstrap_steps (bootstrap_id, step, position, outcome, detail)
                    select ?, ?, count(*), ?, ? from deployment_bootstrap_steps where bootstrap_id = ?""",
                    event.bootstrapId(), event.step(), event.outcome(), event.detail(), event.bootstrapId());
        }
    }

    @EventHandler
    void on(DeploymentBootstrapCompleted event, @Timestamp Instant at) {
        jdbc.update("update deployment_bootstraps set state = 'completed', finished_at = ? where bootstrap_id = ?",
                java.sql.Timestamp.from(at), event.bootstrapId());
        jdbc.update("delete from deployment_rooms where deployment = ?", event.deployment().value());
        event.rooms().forEach((key, roomId) -> jdbc.update(
                "insert into deployment_rooms (deployment, room_key, room_id) values (?, ?, ?)",
                event.deployment().value(), key, roomId));
    }

    @EventHandler
    void on(DeploymentBootstrapFailed event, @Timestamp Instant at) {
        jdbc.update("update deployment_bootstraps set state = 'failed', finished_at = ?, failed_step = ?, failure = ? "
                + "where bootstrap_id = ?", java.sql.Timestamp.from(at), event.step(), event.reason(), event.bootstrapId());
    }

    /** Only the last account action and the last admin action count; a revocation ends the rights too. */
    @EventHandler
    void on(DeploymentUserCallbackRecorded event) {
        UUID user = event.userId().value();
        if (jdbc.update("update deployment_users set matrix_user_id = ? where user_id = ?", event.matrixUserId(),
                user) == 0) {
            jdbc.update("insert into deployment_users (user_id, deployment, matrix_user_id, admin) values (?, ?, ?, false)",
                    user, event.deployment().value(), event.matrixUserId());
        }
        switch (event.action()) {
            case CREATED -> jdbc.update("update deployment_users set account = 'created' where user_id = ?", user);
            case REVOKED -> jdbc.update("update deployment_users set account = 'revoked', admin = false where user_id = ?",
                    user);
            case PROMOTED, DEMOTED -> jdbc.update("update deployment_users set admin = ? where user_id = ?",
                    event.action() == DeploymentUserAction.PROMOTED, user);
            case UPDATED -> { }
        }
    }

    @QueryHandler
    public DeploymentUsers handle(FindDeploymentUsers query) {
        return new DeploymentUsers(jdbc.query("""
                        select user_id, matrix_user_id, account, admin from deployment_users
                         where deployment = ? and (account is null or account <> 'revoked') order by matrix_user_id""",
                (rs, row) -> new DeploymentUsers.User(new DeploymentUserId(rs.getObject(1, UUID.class)), rs.getString(2),
                        "created".equals(rs.getString(3)), rs.getBoolean(4)), query.deployment().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from deployment_users");
        jdbc.update("delete from deployment_bootstrap_steps");
        jdbc.update("delete from deployment_bootstraps");
        jdbc.update("delete from deployment_rooms");
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
