package io.roomservice.infra.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;

/**
 * Homeserver work as db-scheduler executions of the task {@value HomeserverWorkTask#NAME}, one per work
 * key. The scheduler writes through a transaction-aware data source, so a submission is part of the
 * transaction of the event being handled; once that commits, the scheduler is told to look at once
 * instead of at its next poll. Any node may run it, exactly one at a time (db-scheduler's pick).
 */
class DbSchedulerWorkQueue implements HomeserverWorkQueue {

    private static final Logger log = LoggerFactory.getLogger(DbSchedulerWorkQueue.class);

    private final Scheduler scheduler;
    private final WorkCodec codec;
    private final JdbcTemplate jdbc;

    DbSchedulerWorkQueue(Scheduler scheduler, WorkCodec codec, JdbcTemplate jdbc) {
        this.scheduler = scheduler;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    @Override
    public void submit(HomeserverWork work) {
        WorkData data = codec.encode(work);
        var instance = new TaskInstance<>(HomeserverWorkTask.NAME, work.key(), data);
        Instant now = Instant.now();
        if (!scheduler.scheduleIfNotExists(instance, now)) {
            try {
                scheduler.reschedule(instance, now, data);
            } catch (TaskInstanceCurrentlyExecutingException running) {
                log.debug("{} is running; it finishes as it is", work.key());
            } catch (TaskInstanceNotFoundException | ExecutionException finishedMeanwhile) {
                // it was done (and removed) between the two calls, before or while it was rescheduled
                // ("updated 0"): this submission runs it again. Thrown, it would roll back the handler
                // that submitted, and park its event.
                scheduler.scheduleIfNotExists(instance, now);
            }
        }
        runSoon();
    }

    @Override
    public boolean cancel(String key) {
        try {
            scheduler.cancel(TaskInstanceId.of(HomeserverWorkTask.NAME, key));
            return true;
        } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException runningOrNone) {
            return false;
        }
    }

    /** Waiting and running work are both rows of the scheduler's table until they are done or given up. */
    @Override
    public boolean hasWaitingBefore(String keyPrefix, String key) {
        String like = keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return !jdbc.queryForList("""
                select 1 from scheduled_tasks where task_name = ? and task_instance like ? escape '\\'
                  and task_instance < ?""", Integer.class, HomeserverWorkTask.NAME, like, key).isEmpty();
    }

    private void runSoon() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
