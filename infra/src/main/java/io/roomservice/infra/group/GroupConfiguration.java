package io.roomservice.infra.group;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.group.DescribeGroupRoomsHandler;
import io.roomservice.sagas.group.GroupHomeserver;
import io.roomservice.sagas.group.GroupRoomsReactor;
import io.roomservice.sagas.group.GroupSettings;
import io.roomservice.sagas.group.InviteGroupMembersHandler;
import io.roomservice.sagas.group.KickFromGroupRoomsHandler;
import io.roomservice.sagas.group.PostGroupAnnouncementHandler;
import io.roomservice.sagas.group.ProvisionGroupRoomsHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Group rooms: the reactor that turns the groups' decisions into homeserver work, and that work's handlers. */
@Configuration(proxyBeanMethods = false)
public class GroupConfiguration {

    @Bean
    public GroupRoomsReactor groupRoomsReactor() {
        return new GroupRoomsReactor();
    }

    @Bean
    public MatrixGroupHomeserver groupHomeserver(MatrixConnections connections, SynapseAdmin admin) {
        return new MatrixGroupHomeserver(connections, admin);
    }

    @Bean
    public GroupRoomsReconciler groupRoomsReconciler(QueryGateway queries, CommandGateway commands,
                                                     MatrixGroupHomeserver homeserver) {
        return new GroupRoomsReconciler(queries, commands, homeserver);
    }

    @Bean
    public GroupSettings groupSettings(GroupProperties properties) {
        return new GroupSettings(properties.listenerRooms());
    }

    @Bean
    public ProvisionGroupRoomsHandler provisionGroupRoomsHandler(GroupHomeserver homeserver, CommandGateway commands) {
        return new ProvisionGroupRoomsHandler(homeserver, commands);
    }

    @Bean
    public DescribeGroupRoomsHandler describeGroupRoomsHandler(GroupHomeserver homeserver) {
        return new DescribeGroupRoomsHandler(homeserver);
    }

    @Bean
    public InviteGroupMembersHandler inviteGroupMembersHandler(GroupHomeserver homeserver, CommandGateway commands,
                                                               HomeserverWorkQueue queue) {
        return new InviteGroupMembersHandler(homeserver, commands, queue);
    }

    @Bean
    public KickFromGroupRoomsHandler kickFromGroupRoomsHandler(GroupHomeserver homeserver) {
        return new KickFromGroupRoomsHandler(homeserver);
    }

    @Bean
    public PostGroupAnnouncementHandler postGroupAnnouncementHandler(GroupHomeserver homeserver,
                                                                     GroupSettings settings) {
        return new PostGroupAnnouncementHandler(homeserver, settings);
    }
}
