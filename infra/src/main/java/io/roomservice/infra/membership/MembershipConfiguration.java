package io.roomservice.infra.membership;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixLink;
import io.roomservice.infra.homeserver.MatrixMemberHomeserver;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.profile.MatrixAccess;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.membership.MemberSynchronizer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports member sync works through, on the homeserver of the current link. */
@Configuration(proxyBeanMethods = false)
public class MembershipConfiguration {

    @Bean
    public MemberHomeserver memberHomeserver(MatrixConnections connections) {
        return new MatrixMemberHomeserver(connections);
    }

    @Bean
    public MatrixIdentities matrixIdentities(MatrixLink link) {
        return new ConfiguredMatrixIdentities(link);
    }

    @Bean
    public MemberSynchronizer memberSynchronizer(QueryGateway queries, CommandGateway commands,
                                                 MemberHomeserver homeserver, MatrixIdentities identities) {
        return new MemberSynchronizer(queries, commands, homeserver, identities);
    }

    @Bean
    public MatrixAccess matrixAccess(CommandGateway commands, HomeserverWorkQueue work) {
        return new MatrixAccess(commands, work);
    }

    @Bean
    public SynapseAdmin synapseAdmin(MatrixConnections connections, SecretStore secrets) {
        return new SynapseAdmin(connections, secrets);
    }
}
