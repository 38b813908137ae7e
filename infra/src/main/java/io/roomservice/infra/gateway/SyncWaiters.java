package io.roomservice.infra.gateway;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long-polling syncs. A caller with nothing new waits without a thread or a database connection of
 * its own (an asynchronous request); it is answered as soon as this node records a transaction that
 * holds something for it, and otherwise at its timeout with whatever there is then. Events recorded by
 * another node reach its waiters at the next {@link #RECHECK} at the latest.
 */
class SyncWaiters implements AutoCloseable {

    static final Duration RECHECK = Duration.ofSeconds(2);

    private record Waiter(GapAwareTrackingToken since, SyncFilter filter, DeferredResult<Map<String, Object>> result) {
    }

    private final GatewaySync sync;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("gateway-sync"));
    private final ScheduledExecutorService recheck = Executors.newSingleThreadScheduledExecutor(
            daemon("gateway-sync-recheck"));

    SyncWaiters(GatewaySync sync) {
        this.sync = sync;
        recheck.scheduleWithFixedDelay(this::wake, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    DeferredResult<Map<String, Object>> await(GapAwareTrackingToken since, SyncFilter filter, Duration timeout) {
        DeferredResult<Map<String, Object>> result = new DeferredResult<>(timeout.toMillis());
        Waiter waiter = new Waiter(since, filter, result);
        result.onTimeout(() -> {
            waiting.remove(waiter);
            result.setResult(sync.read(since, filter, false).body());
        });
        result.onCompletion(() -> waiting.remove(waiter));
        result.onError(error -> waiting.remove(waiter));
        waiting.add(waiter);
        // an event recorded between the caller's first read and now woke no one: look once more
        readers.execute(() -> check(waiter));
        return result;
    }

    /** Something was recorded: every waiter reads again. */
    void wake() {
        for (Waiter waiter : waiting) {
            readers.execute(() -> check(waiter));
        }
    }

    private void check(Waiter waiter) {
        if (waiter.result().isSetOrExpired()) {
            waiting.remove(waiter);
            return;
        }
        try {
            GatewaySync.Batch batch = sync.read(waiter.since(), waiter.filter(), false);
            if (!batch.isEmpty()) {
                waiting.remove(waiter);
                waiter.result().setResult(batch.body());
            }
        } catch (RuntimeException e) {
            waiting.remove(waiter);
            waiter.result().setErrorResult(e);
        }
    }

    @Override
    public void close() {
        recheck.shutdownNow();
        readers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
