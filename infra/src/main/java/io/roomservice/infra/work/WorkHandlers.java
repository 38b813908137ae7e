package io.roomservice.infra.work;

import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkHandler;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The handler of each kind of work, looked up on first use: the handlers need Axon's gateways, and
 * Axon's configuration needs the scheduler that holds this task, so they cannot be wired up front.
 */
class WorkHandlers {

    private final Supplier<List<HomeserverWorkHandler<?>>> handlers;
    private volatile Map<Class<?>, HomeserverWorkHandler<?>> byType;

    WorkHandlers(Supplier<List<HomeserverWorkHandler<?>>> handlers) {
        this.handlers = handlers;
    }

    @SuppressWarnings("unchecked")
    HomeserverWorkHandler<HomeserverWork> forWork(HomeserverWork work) {
        if (byType == null) {
            byType = handlers.get().stream()
                    .collect(Collectors.toMap(HomeserverWorkHandler::workType, Function.identity()));
        }
        var handler = byType.get(work.getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for homeserver work " + work.getClass().getName());
        }
        return (HomeserverWorkHandler<HomeserverWork>) handler;
    }
}
