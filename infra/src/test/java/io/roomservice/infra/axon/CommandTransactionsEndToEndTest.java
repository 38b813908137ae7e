package io.roomservice.infra.axon;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.RegisterProject;
import io.roomservice.infra.support.EndToEndTest;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The command bus of the running application, as CommandBusConfiguration wires it. */
class CommandTransactionsEndToEndTest extends EndToEndTest {

    @Autowired
    CommandBus commandBus;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    PlatformTransactionManager applicationTransactions;

    private Registration probe;

    /** What a command handler finds bound to its thread. */
    record Seen(boolean transaction, boolean jdbcConnection, boolean entityManager) {
    }

    @BeforeEach
    void subscribeProbe() {
        probe = commandBus.subscribe("probe", command -> new Seen(TransactionSynchronizationManager.isActualTransactionActive(),
                TransactionSynchronizationManager.hasResource(dataSource),
                TransactionSynchronizationManager.hasResource(entityManagerFactory)));
    }

    @AfterEach
    void unsubscribeProbe() {
        probe.cancel();
    }

    @Test
    void aCommandFromOutsideAnyTransactionRunsInAJdbcTransactionWithoutAnEntityManager() {
        Seen seen = commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>("probe"), "probe")
                .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR)));

        assertThat(seen).isEqualTo(new Seen(true, true, false));
    }

    @Test
    void aCommandSentInsideARunningTransactionIsUndoneWithIt() {
        var project = new ProjectId(UUID.randomUUID());

        new TransactionTemplate(applicationTransactions).executeWithoutResult(status -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RegisterProject(project, CustomerId.random(), "Rolled back"))
                    .andMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR)));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, project.toString())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cmd_project_lookup where project_id = ?",
                Long.class, project.value())).isZero();
    }
}
