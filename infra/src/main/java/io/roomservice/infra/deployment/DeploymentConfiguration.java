package io.roomservice.infra.deployment;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.deployment.StartDeploymentBootstrap;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.sagas.SystemCommands;
import io.roomservice.sagas.deployment.ApplyDeploymentUserActionHandler;
import io.roomservice.sagas.deployment.BootstrapDeploymentHandler;
import io.roomservice.sagas.deployment.BootstrapSettings;
import io.roomservice.sagas.deployment.DeploymentHomeserver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The deployment's catalogue and users' lifecycle: the homeserver adapter behind the saga's port, the
 * handlers of its homeserver work, and the bootstrap on start.
 */
@Configuration(proxyBeanMethods = false)
public class DeploymentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeploymentConfiguration.class);

    @Bean
    Deployment deployment(DeploymentProperties properties, MatrixConnections connections) {
        return new Deployment(properties, connections);
    }

    @Bean
    DeploymentHomeserver deploymentHomeserver(MatrixConnections connections, SynapseAdmin admin) {
        return new DeploymentMatrix(connections, admin);
    }

    @Bean
    BootstrapSettings bootstrapSettings(DeploymentProperties properties) {
        return new BootstrapSettings(properties.homeserverWait());
    }

    @Bean
    BootstrapDeploymentHandler bootstrapDeploymentHandler(DeploymentHomeserver homeserver, CommandGateway commands) {
        return new BootstrapDeploymentHandler(homeserver, commands, Clock.systemUTC());
    }

    @Bean
    ApplyDeploymentUserActionHandler applyDeploymentUserActionHandler(DeploymentHomeserver homeserver,
                                                                      CommandGateway commands) {
        return new ApplyDeploymentUserActionHandler(homeserver, commands);
    }

    /** The catalogue in the hourly reconciliation: a drift is repaired by a new bootstrap. */
    @Bean
    DeploymentCatalogueReconciler deploymentCatalogueReconciler(Deployment deployment, DeploymentHomeserver homeserver,
                                                                org.axonframework.queryhandling.QueryGateway queries,
                                                                CommandGateway commands) {
        return new DeploymentCatalogueReconciler(deployment, homeserver, queries, commands);
    }

    /**
     * Bootstraps on start. A bootstrap still running (this node or another was stopped during one) goes on
     * as persisted work, so the refusal to start a second one is the expected answer then.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> bootstrapDeploymentOnStart(Deployment deployment,
                                                                          DeploymentProperties properties,
                                                                          CommandGateway commands) {
        return ready -> {
            if (!deployment.enabled() || !properties.bootstrapOnStart()) {
                return;
            }
            try {
                SystemCommands.sendAndWait(commands, new StartDeploymentBootstrap(deployment.requireName(),
                        deployment.domain()));
            } catch (CommandRejectedException running) {
                log.info("The deployment's bootstrap was not started: {}", running.getMessage());
            } catch (RuntimeException noDomainYet) {
                log.warn("The deployment's bootstrap was not started: {} (start it with POST "
                        + "/api/admin/deployment/bootstrap/)", noDomainYet.getMessage());
            }
        };
    }
}
