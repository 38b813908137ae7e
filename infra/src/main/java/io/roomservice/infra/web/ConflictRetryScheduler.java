package io.roomservice.infra.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Axon's exponential back-off, for one failure only: a command that lost an optimistic-locking race
 * on its aggregate (another node appended the same sequence number first). Axon treats every failure
 * that is not an {@code AxonNonTransientException} as worth retrying, which would repeat business
 * refusals too; here nothing else is retried. The retry loads the aggregate again: the failed unit of
 * work rolled back, and Axon's caching repository drops the cached copy on rollback.
 *
 * <p>Jitter: two nodes that lost to each other do not come back at the same moment.
 */
final class ConflictRetryScheduler extends ExponentialBackOffIntervalRetryScheduler implements AutoCloseable {

    // Retried commands run on these threads and may wait there for their aggregate's lock.
    private static final int RETRY_THREADS = 4;

    private final ScheduledExecutorService executor;

    private ConflictRetryScheduler(Builder builder, ScheduledExecutorService executor) {
        super(builder);
        this.executor = executor;
    }

    static ConflictRetryScheduler of(CommandRetryProperties properties) {
        // not a bean of its own: a ScheduledExecutorService bean would replace Spring Boot's task scheduler
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(RETRY_THREADS,
                new CustomizableThreadFactory("command-retry-"));
        return new ConflictRetryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(properties.maxRetries())
                .backoffFactor(Math.max(1, properties.firstBackOff().toMillis())), executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    // Axon asks this of the failure and then of each of its causes; the whole chain is judged at once,
    // so the answer must not depend on which link is asked.
    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !lostRace(failure);
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        long backOff = super.computeRetryInterval(commandMessage, lastFailure, failures);
        return backOff + ThreadLocalRandom.current().nextLong(backOff + 1);
    }
}
