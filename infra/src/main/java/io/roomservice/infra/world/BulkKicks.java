package io.roomservice.infra.world;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Kicks many people at most {@value #AT_ONCE} at a time (as the seed's pusher does), so emptying a full
 * room neither takes one round trip per person nor floods the homeserver. Any failure fails the whole
 * run, which the work queue repeats: kicks already done answer "not in the room" then.
 */
class BulkKicks {

    static final int AT_ONCE = 10;

    void kickAll(List<String> userIds, Consumer<String> kick) {
        if (userIds.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, userIds.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            userIds.forEach(userId -> running.add(pool.submit(() -> kick.accept(userId))));
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HomeserverException failure) {
                throw failure;
            }
            throw HomeserverException.transientFailure("A kick failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HomeserverException.transientFailure("Interrupted while kicking", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
