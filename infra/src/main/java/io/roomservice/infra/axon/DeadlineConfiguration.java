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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Deadlines are persisted in {@code scheduled_tasks} through the application's db-scheduler
 * ({@code SchedulerConfiguration}), so they survive a restart. Declared here rather than left to
 * auto-configuration, so that Axon's in-memory default can never win by ordering.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /** The qualifier keeps Axon's auto-configuration from registering a second task of the same name. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
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
}
