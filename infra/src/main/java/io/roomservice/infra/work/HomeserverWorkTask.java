package io.roomservice.infra.work;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.WorkCorrelation;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs one stored piece of homeserver work on a db-scheduler thread, outside any transaction, and
 * decides what becomes of it: removed once done or given up, rescheduled (with the failed attempt
 * counted) after a transient failure, rescheduled as it is when the handler asks to run again later.
 * Anything else that goes wrong (the database is away while the outcome is reported) leaves the work
 * in place for {@link #onUnexpectedFailure}, so that no outcome is lost.
 */
class HomeserverWorkTask {

    static final String NAME = "homeserver-work";

    private static final Logger log = LoggerFactory.getLogger(HomeserverWorkTask.class);

    private final WorkCodec codec;
    private final WorkHandlers handlers;
    private final RetryPolicy retryPolicy;
    private final WorkMeters meters;

    HomeserverWorkTask(WorkCodec codec, WorkHandlers handlers, RetryPolicy retryPolicy, WorkMeters meters) {
        this.codec = codec;
        this.handlers = handlers;
        this.retryPolicy = retryPolicy;
        this.meters = meters;
    }

    CompletionHandler<WorkData> execute(TaskInstance<WorkData> instance) {
        WorkData data = instance.getData();
        HomeserverWork work = codec.decode(data);
        HomeserverWorkHandler<HomeserverWork> handler = handlers.forWork(work);
        try {
            WorkResult result = WorkCorrelation.with(data.correlation(), () -> handler.run(work));
            if (result.isDone()) {
                meters.count(work, "done");
                return new CompletionHandler.OnCompleteRemove<>();
            }
            meters.count(work, "later");
            return rescheduleIn(result.runAgainAfter(), data);
        } catch (HomeserverException failure) {
            int attemptsMade = data.failedAttempts() + 1;
            if (!failure.isTransient() || retryPolicy.exhausted(attemptsMade)) {
                WorkCorrelation.with(data.correlation(), () -> {
                    handler.gaveUp(work, failure, attemptsMade);
                    return null;
                });
                meters.count(work, "gave-up");
                return new CompletionHandler.OnCompleteRemove<>();
            }
            Duration delay = retryPolicy.delayAfter(attemptsMade, failure);
            log.info("{} failed (attempt {}), retrying in {}: {}", work.key(), attemptsMade, delay,
                    failure.getMessage());
            meters.count(work, "retry");
            return rescheduleIn(delay, data.afterFailedAttempt());
        }
    }

    /** Backs off like a homeserver failure, without counting against the work's attempts. */
    void onUnexpectedFailure(ExecutionComplete complete, ExecutionOperations<WorkData> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Duration delay = retryPolicy.backoff(failures);
        log.warn("Homeserver work {} failed unexpectedly ({} time(s) in a row), trying again in {}",
                complete.getExecution().taskInstance.getId(), failures, delay,
                complete.getCause().orElse(null));
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
    }

    private static CompletionHandler<WorkData> rescheduleIn(Duration delay, WorkData data) {
        return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(delay), data);
    }
}
