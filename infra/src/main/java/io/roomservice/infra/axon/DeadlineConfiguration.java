package io.roomservice.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;

/**
 * Deadlines (saga retries and waits) are persisted in {@code scheduled_tasks} through db-scheduler,
 * so they survive a restart. Declared here rather than left to auto-configuration, so that Axon's
 * in-memory default can never win by ordering.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /** The qualifier keeps Axon's auto-configuration from registering a second task of the same name. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean(destroyMethod = "stop")
    public Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        // transaction-aware: a deadline scheduled by a saga commits or rolls back with the saga
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(6)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration,
                                                      @Qualifier("eventSerializer") Serializer serializer,
                                                      TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    public SchedulerStarter schedulerStarter(Scheduler scheduler) {
        return new SchedulerStarter(scheduler);
    }

    /** Starts executing deadlines only once the whole application (Axon included) is up. */
    public static final class SchedulerStarter {

        private final Scheduler scheduler;

        SchedulerStarter(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            scheduler.start();
        }
    }
}
