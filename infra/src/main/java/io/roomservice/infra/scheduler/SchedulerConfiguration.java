package io.roomservice.infra.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import io.roomservice.infra.axon.NodeProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;

/**
 * The one persisted scheduler (db-scheduler, table {@code scheduled_tasks}) that runs Axon's deadlines
 * and homeserver work: every {@link Task} bean of the application is one of its tasks.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    /** Six missed heartbeats make a node's running executions dead: another node runs them again. */
    private static final int MISSED_HEARTBEATS_LIMIT = 6;

    @Bean(destroyMethod = "stop")
    public Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties,
                                 NodeProperties node) {
        // transaction-aware: what a saga schedules commits or rolls back with the saga's transaction
        // recurring tasks (periodic exports, retention) are scheduled at start-up; db-scheduler keeps one
        // execution of each in the table, so exactly one node runs each due time
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task).toList();
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
        // startTasks adds them to the known tasks itself
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring);
        if (!node.id().isBlank()) {
            // scheduled_tasks.picked_by then names the node running a piece of work, as token_entry.owner
            // names the node holding a segment; db-scheduler's default, the host name, is the same for
            // every node on one host
            builder.schedulerName(new SchedulerName.Fixed(node.id()));
        }
        return builder
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS_LIMIT)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    public SchedulerStarter schedulerStarter(Scheduler scheduler) {
        return new SchedulerStarter(scheduler);
    }

    /** Starts executing only once the whole application (Axon included) is up. */
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
