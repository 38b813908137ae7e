package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import io.roomservice.sagas.homeserver.RetryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.time.Duration;

/**
 * The homeserver port the sagas use, and how they retry it.
 *
 * <p>The port follows the {@link MatrixLink}: the homeserver configured in {@code roomservice.matrix.*}
 * or set up by an administrator, whichever is current.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatrixProperties.class)
public class HomeserverConfiguration {

    @Bean
    public RetryPolicy provisioningRetryPolicy(ProvisioningProperties properties) {
        return new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
    }

    /**
     * Every interceptor in the context sees every homeserver request, on the thread that makes it
     * (tests use one to refuse calls made inside a database transaction).
     */
    @Bean
    public MatrixConnections matrixConnections(MatrixLink link,
                                               ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
        return new MatrixConnections(link, interceptors.orderedStream().toList());
    }

    /**
     * The Matrix homeserver of the current link. Until one is set up every homeserver operation fails
     * for good with a reason that says so; rooms then wait in error and can be retried once it is.
     * Tests replace it with a {@code @Primary} one.
     */
    @Bean
    public Homeserver homeserver(MatrixConnections connections) {
        return new Homeserver() {
            @Override
            public ProvisionedRoom createRoom(RoomSpec spec) {
                return connections.require().homeserver().createRoom(spec);
            }

            @Override
            public void renameRoom(String matrixRoomId, String name) {
                connections.require().homeserver().renameRoom(matrixRoomId, name);
            }

            @Override
            public void repairRoom(String matrixRoomId, String alias, String name) {
                connections.require().homeserver().repairRoom(matrixRoomId, alias, name);
            }
        };
    }

    /**
     * Retries of homeserver operations by the sagas.
     *
     * @param maxAttempts    attempts in all before the room goes to error (default 6)
     * @param initialBackoff wait before the second attempt; doubles each time (default 2s)
     * @param maxBackoff     longest wait between two attempts (default 5m)
     */
    @ConfigurationProperties("roomservice.provisioning")
    public record ProvisioningProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
                                         @DefaultValue("5m") Duration maxBackoff) {
    }
}
