package io.roomservice.infra.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Gauge {@code roomservice.dead-letters{processor}}: events the processor has parked, counted at each scrape. */
@Component
class DeadLetterMetrics implements MeterBinder {

    private final DeadLetters deadLetters;

    DeadLetterMetrics(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DeadLetterConfiguration.GROUPS.forEach(processor -> Gauge.builder("roomservice.dead-letters",
                        () -> deadLetters.count(processor).map(DeadLetters.Count::events).orElse(0L))
                .description("Events the processor has parked in its dead-letter queue")
                .tag("processor", processor)
                .register(registry));
    }
}
