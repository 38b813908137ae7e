package io.roomservice.infra.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A lost optimistic-locking race that outlived its retries is a 409 the caller may repeat, not a 500. */
class ConcurrentUpdateProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aConcurrencyExceptionIsA409ConcurrentUpdate() {
        var problem = advice.concurrentUpdate(new ConcurrencyException("An event for aggregate [p] at sequence [7] "
                + "was already inserted"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "concurrent-update");
        assertThat(problem.getDetail()).isNotBlank().doesNotContain("sequence");
    }

    @Test
    void aConcurrencyExceptionInsideACommandExecutionExceptionIsA409Too() {
        var answer = advice.commandFailed(new CommandExecutionException("failed",
                new ConcurrencyException("already inserted")));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "concurrent-update");
    }
}
