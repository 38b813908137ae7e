package io.roomservice.infra.admin;

import io.roomservice.infra.appservice.TimelineProperties;
import io.roomservice.infra.room.RoomListProperties;
import io.roomservice.query.deployment.DeploymentProjection;
import io.roomservice.query.directory.DirectoryProjection;
import io.roomservice.query.group.GroupRoomsProjection;
import io.roomservice.query.membership.RoomMemberProjection;
import io.roomservice.query.profile.UserProfileProjection;
import io.roomservice.query.room.RoomProjection;
import io.roomservice.query.world.WorldProjection;
import io.roomservice.query.timeline.TimelineProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read models that can be rebuilt blue/green: every streaming projection whose handlers only
 * write its own tables. Not sagas, not the command-side look-ups, not the reactors (matrix-access,
 * credentials-revocation): replaying them would act again.
 */
@Configuration(proxyBeanMethods = false)
public class RebuildableProjectionsConfiguration {

    /** Pooled read models store 250 events per transaction (application.yml). */
    private static final int POOLED_BATCH = 250;

    @Bean
    public RebuildableProjections rebuildableProjections(JdbcTemplate jdbc, RoomListProperties roomList,
                                                         TimelineProperties timeline) {
        return new RebuildableProjections(List.of(
                new RebuildableProjection(RoomProjection.PROCESSING_GROUP, List.of(RoomProjection.TABLE),
                        suffix -> RoomProjection.writingTo(RoomProjection.TABLE + suffix, jdbc),
                        roomList.batchSize(), Map.of()),
                new RebuildableProjection(TimelineProjection.PROCESSING_GROUP, List.of(TimelineProjection.TABLE),
                        suffix -> TimelineProjection.writingTo(TimelineProjection.TABLE + suffix, jdbc),
                        timeline.batchSize(),
                        // what people wrote in the rooms (docs/architecture.md, personal data)
                        Map.of(TimelineProjection.TABLE, Set.of("body"))),
                new RebuildableProjection(DirectoryProjection.PROCESSING_GROUP, DirectoryProjection.TABLES,
                        suffix -> DirectoryProjection.writingTo(suffix, jdbc), POOLED_BATCH,
                        Map.of("directory_users", Set.of("username", "full_name", "email"))),
                new RebuildableProjection(UserProfileProjection.PROCESSING_GROUP, List.of(UserProfileProjection.TABLE),
                        suffix -> UserProfileProjection.writingTo(UserProfileProjection.TABLE + suffix, jdbc),
                        POOLED_BATCH, Map.of()),
                new RebuildableProjection(RoomMemberProjection.PROCESSING_GROUP, List.of(RoomMemberProjection.TABLE),
                        suffix -> RoomMemberProjection.writingTo(RoomMemberProjection.TABLE + suffix, jdbc),
                        POOLED_BATCH, Map.of()),
                new RebuildableProjection(WorldProjection.PROCESSING_GROUP, WorldProjection.TABLES,
                        suffix -> WorldProjection.writingTo(suffix, jdbc), POOLED_BATCH, Map.of()),
                new RebuildableProjection(DeploymentProjection.PROCESSING_GROUP, DeploymentProjection.TABLES,
                        suffix -> DeploymentProjection.writingTo(suffix, jdbc), POOLED_BATCH,
                        // a user's account on the deployment's homeserver, named after their callsign
                        Map.of("deployment_users", Set.of("matrix_user_id"))),
                new RebuildableProjection(GroupRoomsProjection.PROCESSING_GROUP, GroupRoomsProjection.TABLES,
                        suffix -> GroupRoomsProjection.writingTo(suffix, jdbc), POOLED_BATCH,
                        // who is in which group, by Matrix id
                        Map.of("group_room_members", Set.of("matrix_user_id"),
                                "group_room_invitations", Set.of("matrix_user_id")))));
    }

    /** The rebuildable read models by name. */
    public record RebuildableProjections(List<RebuildableProjection> all) {

        public java.util.Optional<RebuildableProjection> find(String name) {
            return all.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }
}
