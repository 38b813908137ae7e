package io.roomservice.infra.deadletters;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health contributor {@code deadLetters}: DOWN while any processor has parked an event, with the
 * counts per processor. DOWN, because part of a read model is stale until staff act; it is not in the
 * liveness or readiness group, so no orchestrator restarts or unroutes the service for it (neither
 * would help).
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLetterHealthIndicator(DeadLetters deadLetters) {
        super("Dead-letter health check failed");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        long parked = 0;
        for (String processor : DeadLetterConfiguration.GROUPS) {
            var count = deadLetters.count(processor).orElseThrow();
            parked += count.events();
            details.put(processor, Map.of("parked_sequences", count.sequences(), "parked_events", count.events()));
        }
        (parked == 0 ? builder.up() : builder.down()).withDetails(details);
    }
}
