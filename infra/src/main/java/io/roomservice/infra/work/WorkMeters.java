package io.roomservice.infra.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.sagas.work.HomeserverWork;

/**
 * {@code roomservice.homeserver.work}: runs of homeserver work by kind and outcome ({@code done},
 * {@code later}, {@code retry}, {@code gave-up}).
 */
class WorkMeters {

    private final MeterRegistry registry;

    WorkMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(HomeserverWork work, String outcome) {
        Counter.builder("roomservice.homeserver.work")
                .description("Runs of homeserver work by kind and outcome")
                .tag("kind", work.getClass().getSimpleName())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
