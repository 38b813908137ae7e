package io.roomservice.infra.deadletters;

import io.roomservice.query.export.ExportProjection;
import io.roomservice.query.deployment.DeploymentProjection;
import io.roomservice.query.group.GroupRoomsProjection;
import io.roomservice.query.order.ProjectWorkProjection;
import io.roomservice.query.world.WorldProjection;
import io.roomservice.sagas.bot.BotCommandReactor;
import io.roomservice.query.directory.DirectoryProjection;
import io.roomservice.query.membership.RoomMemberProjection;
import io.roomservice.query.profile.UserProfileProjection;
import io.roomservice.query.room.RoomProjection;
import io.roomservice.query.timeline.TimelineProjection;
import io.roomservice.sagas.profile.MatrixAccess;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * Every streaming event handler that is not a saga parks the events it fails on in Axon's sequenced
 * dead-letter queue (JPA, table {@code dead_letter_entry}) instead of retrying them forever: only the
 * failed event's sequence (its aggregate: one room, one person) waits behind it, the processor goes on
 * with the others. Staff list, retry and evict them ({@link DeadLetterAdminController}); a failure that
 * may pass by itself is tried again on a back-off first ({@link TransientDeadLetterRetry}).
 *
 * <p>Not here: sagas (Axon 4 has no dead-letter queue for sagas, their associations change between
 * events so no sequence can be held back: a failing saga handler still propagates and its processor
 * retries) and {@code command-side-lookups} (it runs in the command's own transaction, and a failure
 * there must fail the command).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** The processing groups that park failed events; each is also the name of its processor. */
    public static final List<String> GROUPS = List.of(RoomProjection.PROCESSING_GROUP,
            TimelineProjection.PROCESSING_GROUP, DirectoryProjection.PROCESSING_GROUP,
            UserProfileProjection.PROCESSING_GROUP, RoomMemberProjection.PROCESSING_GROUP,
            MatrixAccess.PROCESSING_GROUP, "credentials-revocation", ExportProjection.PROCESSING_GROUP,
            ProjectWorkProjection.PROCESSING_GROUP, BotCommandReactor.PROCESSING_GROUP,
            DeploymentProjection.PROCESSING_GROUP, WorldProjection.PROCESSING_GROUP, GroupRoomsProjection.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule deadLetterQueues() {
        return configurer -> configurer.eventProcessing(processing -> GROUPS.forEach(group -> processing
                .registerDeadLetterQueue(group, c -> queue(group, c))
                .registerDeadLetterPolicy(group, c -> new ParkingPolicy())
                // the cache spares each event the query "is its sequence parked?" while nothing is parked;
                // a rebuild empties the queue too: the replay handles every parked event again
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true))));
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group,
                                                                    org.axonframework.config.Configuration c) {
        return JpaSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .entityManagerProvider(c.getComponent(EntityManagerProvider.class))
                .transactionManager(c.getComponent(TransactionManager.class))
                .eventSerializer(c.eventSerializer())
                .genericSerializer(c.serializer())
                .build();
    }

    @Bean
    public TransientDeadLetterRetry transientDeadLetterRetry(EventProcessingConfiguration processing,
                                                             DeadLetterRetryProperties properties) {
        return new TransientDeadLetterRetry(processing, properties, Clock.systemUTC());
    }

    @Bean
    Task<Void> transientDeadLetterRetryTask(DeadLetterRetryProperties properties, TransientDeadLetterRetry retry) {
        return Tasks.recurring("dead-letter-retry", Schedules.fixedDelay(properties.retryInterval()))
                .execute((instance, context) -> retry.run());
    }

    /**
     * Not the room list: its handlers change rows in memory and write them when the batch commits, so
     * a savepoint per event (two round trips) would only slow its rebuild. A failed statement there
     * (a row it reads) leaves the dead letter unstorable: the batch is retried, as before.
     */
    @Bean
    public HandlerSavepoints handlerSavepoints(DataSource dataSource) {
        return new HandlerSavepoints(dataSource,
                GROUPS.stream().filter(group -> !group.equals(RoomProjection.PROCESSING_GROUP)).toList());
    }
}
