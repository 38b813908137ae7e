package io.roomservice.infra.gateway;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the webhook delivery task as soon as a delivery is enqueued, instead of at its next look (up
 * to a second later plus the scheduler's polling): its recurring execution is moved to now, which the
 * scheduler (immediate execution) picks at once. It stays the one execution of the task, so deliveries
 * still go out from one node at a time, in order. When the task is running already it cannot be moved;
 * the flag makes that run look again before it ends, and, in case it was already ending, the move is
 * tried again a moment later unless the run took the flag. A wake-up on another node than the one
 * running the task, a lost one, or a restart leave the recurring look ({@code webhook-poll}, 1 s) as
 * the fallback.
 */
class WebhookWakeUp implements AutoCloseable {

    private static final long RETRY_MILLIS = 50;
    private static final int RETRIES = 20;

    private static final Logger log = LoggerFactory.getLogger(WebhookWakeUp.class);
    private static final TaskInstanceId TASK = TaskInstanceId.of(GatewayConfiguration.WEBHOOK_TASK,
            RecurringTask.INSTANCE);

    private final ObjectProvider<Scheduler> scheduler;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-webhook-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    /** The scheduler is looked up late: it is made from every task, the delivery task among them. */
    WebhookWakeUp(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /** Wakes the task once the current unit of work committed: before, the task would not see the delivery. */
    void afterCommit() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wake());
        } else {
            wake();
        }
    }

    void wake() {
        woken.set(true);
        moveToNow(RETRIES);
    }

    private void moveToNow(int retriesLeft) {
        try {
            Scheduler running = scheduler.getIfAvailable();
            if (running != null) {
                running.reschedule(TASK, Instant.now());
            }
        } catch (TaskInstanceCurrentlyExecutingException running) {
            // the running pass sees the flag and looks again; should it be past its last look, the move
            // after it ends is what delivers
            if (retriesLeft > 0) {
                try {
                    retries.schedule(() -> {
                        if (woken.get()) {
                            moveToNow(retriesLeft - 1);
                        }
                    }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    // shutting down: the next process's first look delivers
                }
            }
        } catch (RuntimeException e) {
            log.debug("Waking the webhook deliveries failed; the recurring look delivers them", e);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }

    /** Whether a wake-up came since the last call. */
    boolean takeWoken() {
        return woken.getAndSet(false);
    }
}
