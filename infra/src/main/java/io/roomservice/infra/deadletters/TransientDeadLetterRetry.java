package io.roomservice.infra.deadletters;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Hands parked events whose failure was transient back to their handlers, through Axon's dead-letter
 * processor, once their back-off has passed: a statement timeout or a deadlock does not leave a
 * person's session ending or a bot reply parked until staff notice. Run by a recurring db-scheduler
 * task, so one node at a time.
 */
public class TransientDeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientDeadLetterRetry.class);
    // sequences handed back per processor and run: a long outage's backlog drains over a few runs
    private static final int PER_RUN = 100;

    private final EventProcessingConfiguration processing;
    private final DeadLetterRetryProperties properties;
    private final Clock clock;

    public TransientDeadLetterRetry(EventProcessingConfiguration processing, DeadLetterRetryProperties properties,
                                    Clock clock) {
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many parked sequences were handled and left their queues */
    public int run() {
        Instant now = clock.instant();
        int handled = 0;
        for (String group : DeadLetterConfiguration.GROUPS) {
            var processor = processing.sequencedDeadLetterProcessor(group);
            if (processor.isEmpty()) {
                continue;
            }
            // process() takes the least recently touched sequence the filter lets through, and answers
            // false once none is due or the one it took failed again (it is then touched, so not due)
            for (int i = 0; i < PER_RUN && processor.get().process(letter -> due(letter, now)); i++) {
                handled++;
            }
        }
        if (handled > 0) {
            log.info("Handled {} parked sequences whose failure had passed", handled);
        }
        return handled;
    }

    boolean due(DeadLetter<? extends EventMessage<?>> letter, Instant now) {
        var diagnostics = letter.diagnostics();
        if (!Boolean.TRUE.equals(diagnostics.get(ParkingPolicy.TRANSIENT))) {
            return false;
        }
        long attempts = diagnostics.get(ParkingPolicy.ATTEMPTS) instanceof Number n ? n.longValue() : 1;
        return attempts < properties.maxAttempts()
                && !letter.lastTouched().plus(properties.backOffAfter(attempts)).isAfter(now);
    }
}
