package io.roomservice.infra.web;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only a lost optimistic-locking race is tried again, a bounded number of times; a business refusal
 * reaches the caller at once.
 */
class ConflictRetrySchedulerTest {

    private static final int MAX_RETRIES = 3;

    private final ConflictRetryScheduler retries = ConflictRetryScheduler.of(
            new CommandRetryProperties(MAX_RETRIES, Duration.ofMillis(1)));
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder()
            .commandBus(bus).retryScheduler(retries).build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        retries.close();
    }

    @Test
    void aCommandThatLostTheRaceOnceIsTriedAgainAndSucceeds() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConcurrencyException("sequence 7 was already inserted");
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait("grant")).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCommandThatKeepsLosingGivesUpWithTheConcurrencyExceptionAfterTheLastRetry() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("sequence 7 was already inserted");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("grant")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(1 + MAX_RETRIES);
    }

    @Test
    void aBusinessRefusalIsNeverRetried() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new CommandRejectedException(RejectionReason.CONFLICT, "project-deleted", "The project is deleted.");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("grant")).isInstanceOf(CommandRejectedException.class);
        assertThat(attempts).hasValue(1);
    }
}
