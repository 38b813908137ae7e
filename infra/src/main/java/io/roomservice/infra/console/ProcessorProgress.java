package io.roomservice.infra.console;

import io.roomservice.infra.admin.ProjectionAdminController;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-sent events with every processor's status, twice a second, for as long as an operations page
 * listens (at most ten minutes, then the browser reconnects). One scheduler thread serves every page.
 */
@Component
class ProcessorProgress implements DisposableBean {

    static final Duration STREAM_FOR = Duration.ofMinutes(10);

    private final ProjectionAdminController projections;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProcessorProgress(ProjectionAdminController projections) {
        this.projections = projections;
    }

    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(STREAM_FOR.toMillis());
        AtomicReference<ScheduledFuture<?>> tick = new AtomicReference<>();
        tick.set(ticks.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().name("processors").data(projections.list()));
            } catch (IOException | RuntimeException gone) {
                emitter.completeWithError(gone);
                tick.get().cancel(false);
            }
        }, 0, 500, TimeUnit.MILLISECONDS));
        Runnable stop = () -> {
            if (tick.get() != null) {
                tick.get().cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        return emitter;
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
    }
}
