package io.roomservice.infra.world;

import io.roomservice.command.world.PresenceTimeout;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.world.PersonWorkHandlers;
import io.roomservice.sagas.world.WorldHomeserver;
import io.roomservice.sagas.world.WorldMatrixRooms;
import io.roomservice.sagas.world.WorldReactor;
import io.roomservice.sagas.world.WorldRoomWorkHandlers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Worlds: the reactor that decides their homeserver work, the work's handlers and the Matrix adapter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorldProperties.class)
public class WorldConfiguration {

    @Bean
    public PresenceTimeout presenceTimeout(WorldProperties properties) {
        return PresenceTimeout.of(properties.presenceTimeout());
    }

    @Bean
    public WorldReactor worldReactor() {
        return new WorldReactor();
    }

    @Bean
    public WorldHomeserver worldHomeserver(MatrixConnections connections, SynapseAdmin admin) {
        return new MatrixWorldHomeserver(connections, admin, new BulkKicks());
    }

    @Bean
    public WorldMatrixRooms worldMatrixRooms(JdbcTemplate jdbc) {
        return new JdbcWorldMatrixRooms(jdbc);
    }

    @Bean
    public WorldRoomWorkHandlers.Spaces worldSpaceHandler(WorldHomeserver homeserver, CommandGateway commands) {
        return new WorldRoomWorkHandlers.Spaces(homeserver, commands);
    }

    @Bean
    public WorldRoomWorkHandlers.Rooms worldRoomHandler(WorldHomeserver homeserver, WorldMatrixRooms places,
                                                        CommandGateway commands) {
        return new WorldRoomWorkHandlers.Rooms(homeserver, places, commands);
    }

    @Bean
    public WorldRoomWorkHandlers.Descriptions worldRoomDescriptionHandler(WorldHomeserver homeserver) {
        return new WorldRoomWorkHandlers.Descriptions(homeserver);
    }

    @Bean
    public WorldRoomWorkHandlers.Vacating worldRoomVacatingHandler(WorldHomeserver homeserver, WorldMatrixRooms places) {
        return new WorldRoomWorkHandlers.Vacating(homeserver, places);
    }

    @Bean
    public PersonWorkHandlers.Spaces spaceMembershipHandler(WorldHomeserver homeserver, WorldMatrixRooms places,
                                                            HomeserverWorkQueue queue) {
        return new PersonWorkHandlers.Spaces(homeserver, places, queue);
    }

    @Bean
    public PersonWorkHandlers.Areas areaPresenceHandler(WorldHomeserver homeserver, WorldMatrixRooms places,
                                                        HomeserverWorkQueue queue) {
        return new PersonWorkHandlers.Areas(homeserver, places, queue);
    }
}
