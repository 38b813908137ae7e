package io.roomservice.infra.axon;

import io.roomservice.command.migration.JdbcUnfinishedMigration;
import io.roomservice.command.profile.JdbcMatrixUserIds;
import io.roomservice.command.project.JdbcProjectLookup;
import io.roomservice.command.room.JdbcRoomsByProject;
import io.roomservice.command.group.JdbcGroupPeople;
import io.roomservice.command.user.JdbcUserLookup;
import io.roomservice.command.world.JdbcAreaPresences;
import io.roomservice.command.world.JdbcWorldPlaces;
import io.roomservice.infra.personaldata.PersonalDataErasure;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command side's look-ups (and the erasure of a person's key) follow their events in the
 * transaction that stores them. Their processing groups run in one subscribing processor: each
 * subscribing processor wraps every event of every command in a unit of work of its own, handler or
 * not, and five of them cost the command path more than the look-ups' own inserts.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideLookupsConfiguration {

    /** The one processor's name, as the admin endpoints list it. */
    public static final String PROCESSOR = "command-side-lookups";

    static final List<String> GROUPS = List.of(JdbcProjectLookup.PROCESSING_GROUP, JdbcRoomsByProject.PROCESSING_GROUP,
            JdbcUserLookup.PROCESSING_GROUP, JdbcMatrixUserIds.PROCESSING_GROUP, JdbcUnfinishedMigration.PROCESSING_GROUP,
            JdbcWorldPlaces.PROCESSING_GROUP, JdbcAreaPresences.PROCESSING_GROUP, JdbcGroupPeople.PROCESSING_GROUP,
            PersonalDataErasure.PROCESSING_GROUP);

    /** They take part in the transaction of the command (or saga) that published the events. */
    @Bean
    public ConfigurerModule commandSideLookupsInOneSubscribingProcessor(CommandTransactions commandTransactions) {
        TransactionManager transactions = commandTransactions.asAxonTransactionManager();
        return configurer -> configurer.eventProcessing(processing -> {
            GROUPS.forEach(group -> processing.assignProcessingGroup(group, PROCESSOR));
            processing.registerSubscribingEventProcessor(PROCESSOR);
            processing.registerTransactionManager(PROCESSOR, c -> transactions);
        });
    }
}
