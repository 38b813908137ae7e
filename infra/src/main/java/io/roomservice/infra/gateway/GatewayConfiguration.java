package io.roomservice.infra.gateway;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.SynapseAdmin;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The internal Matrix gateway: its homeserver adapter, users, media, cache and audit record. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean
    GatewayMatrix gatewayMatrix(MatrixConnections connections, SynapseAdmin admin) {
        return new GatewayMatrix(connections, admin);
    }

    @Bean
    GatewayUsers gatewayUsers(GatewayMatrix matrix, GatewayProperties properties) {
        return new GatewayUsers(matrix, properties.userPrefix());
    }

    @Bean
    GatewayMedia gatewayMedia(MatrixConnections connections, GatewayProperties properties) {
        return new GatewayMedia(connections, properties.maxUploadSize().toBytes());
    }

    @Bean
    RoomDetailsCache gatewayRoomDetailsCache(GatewayProperties properties) {
        return new RoomDetailsCache(properties.roomCacheTtl(), Clock.systemUTC());
    }

    @Bean
    GatewaySync gatewaySync(EventStorageEngine events) {
        return new GatewaySync(events);
    }

    @Bean
    SyncWaiters gatewaySyncWaiters(GatewaySync sync) {
        return new SyncWaiters(sync);
    }

    @Bean
    GatewaySyncSignals gatewaySyncSignals(SyncWaiters waiters, RoomDetailsCache cache) {
        return new GatewaySyncSignals(waiters, cache);
    }

    @Bean
    GatewayAudit gatewayAudit(CommandBus commandBus, RetryScheduler retryScheduler) {
        return new GatewayAudit(commandBus, retryScheduler);
    }
}
