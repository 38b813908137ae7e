package io.roomservice.infra.work;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.WorkCorrelation;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What becomes of a piece of homeserver work after a run: removed when done or given up, rescheduled
 * with backoff (or the homeserver's own delay) after a transient failure, given up after the last
 * attempt, run again unchanged when the handler asks to wait.
 */
class HomeserverWorkTaskTest {

    /** A piece of work for these tests. */
    public record Ping(String key) implements HomeserverWork {
    }

    private final ScriptedHandler handler = new ScriptedHandler();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WorkCodec codec = new WorkCodec(JacksonSerializer.defaultSerializer());
    private final HomeserverWorkTask task;
    private final ExecutionComplete complete = mock(ExecutionComplete.class);
    @SuppressWarnings("unchecked")
    private final ExecutionOperations<WorkData> operations = mock(ExecutionOperations.class);

    HomeserverWorkTaskTest() {
        task = new HomeserverWorkTask(codec, new WorkHandlers(() -> List.of(handler)),
                new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30)), new WorkMeters(meters));
    }

    private CompletionHandler<WorkData> run(WorkData data) {
        return task.execute(new TaskInstance<>(HomeserverWorkTask.NAME, "ping:1", data));
    }

    private WorkData fresh() {
        return codec.encode(new Ping("ping:1"));
    }

    private WorkData rescheduledData(Duration expectedDelay) {
        ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
        ArgumentCaptor<WorkData> data = ArgumentCaptor.forClass(WorkData.class);
        verify(operations).reschedule(eq(complete), at.capture(), data.capture());
        assertThat(at.getValue()).isCloseTo(Instant.now().plus(expectedDelay), within(Duration.ofMillis(500)));
        return data.getValue();
    }

    private double counted(String outcome) {
        var counter = meters.find("roomservice.homeserver.work").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void workThatIsDoneIsRemoved() {
        handler.will(WorkResult::done);

        assertThat(run(fresh())).isInstanceOf(CompletionHandler.OnCompleteRemove.class);
        assertThat(handler.ran).containsExactly(new Ping("ping:1"));
        assertThat(counted("done")).isEqualTo(1);
    }

    @Test
    void aTransientFailureReschedulesAfterTheBackoffAndCountsTheAttempt() {
        handler.will(() -> {
            throw HomeserverException.transientFailure("502 Bad Gateway", null);
        });

        run(fresh()).complete(complete, operations);

        assertThat(rescheduledData(Duration.ofSeconds(2)).failedAttempts()).isEqualTo(1);
        assertThat(handler.gaveUp).isEmpty();
        assertThat(counted("retry")).isEqualTo(1);
    }

    @Test
    void theBackoffDoublesAfterEachFailedAttempt() {
        handler.will(() -> {
            throw HomeserverException.transientFailure("502 Bad Gateway", null);
        });
        var afterOneFailure = fresh().afterFailedAttempt();

        run(afterOneFailure).complete(complete, operations);

        assertThat(rescheduledData(Duration.ofSeconds(4)).failedAttempts()).isEqualTo(2);
    }

    @Test
    void aRateLimitWaitsAsLongAsTheHomeserverAskedWhenThatIsLonger() {
        handler.will(() -> {
            throw HomeserverException.rateLimited("M_LIMIT_EXCEEDED", Duration.ofSeconds(20));
        });

        run(fresh()).complete(complete, operations);

        rescheduledData(Duration.ofSeconds(20));
    }

    @Test
    void theLastAttemptGivesUpAndTheHandlerReportsIt() {
        handler.will(() -> {
            throw HomeserverException.transientFailure("Homeserver unreachable", null);
        });
        var afterTwoFailures = fresh().afterFailedAttempt().afterFailedAttempt();

        assertThat(run(afterTwoFailures)).isInstanceOf(CompletionHandler.OnCompleteRemove.class);
        assertThat(handler.gaveUp).containsExactly("Homeserver unreachable after 3");
        assertThat(counted("gave-up")).isEqualTo(1);
    }

    @Test
    void aPermanentFailureGivesUpAtOnce() {
        handler.will(() -> {
            throw HomeserverException.permanentFailure("M_FORBIDDEN: no");
        });

        assertThat(run(fresh())).isInstanceOf(CompletionHandler.OnCompleteRemove.class);
        assertThat(handler.gaveUp).containsExactly("M_FORBIDDEN: no after 1");
    }

    @Test
    void workThatAsksToWaitRunsAgainLaterWithoutCountingAnAttempt() {
        handler.will(() -> WorkResult.runAgainAfter(Duration.ofMillis(250)));

        run(fresh()).complete(complete, operations);

        assertThat(rescheduledData(Duration.ofMillis(250)).failedAttempts()).isZero();
        verify(operations, never()).remove();
    }

    @Test
    void theHandlerRunsWithTheCorrelationDataOfTheDecision() {
        var decided = fresh();
        var correlation = new HashMap<>(Map.of("correlationId", "ticket-4711", "causationId", "event-1"));
        var withCorrelation = new WorkData(decided.type(), decided.revision(), decided.payload(), correlation, 0);
        var seen = new ArrayList<Map<String, String>>();
        handler.will(() -> {
            seen.add(WorkCorrelation.current());
            return WorkResult.done();
        });

        run(withCorrelation);

        assertThat(seen).containsExactly(correlation);
        assertThat(WorkCorrelation.current()).isEmpty();
    }

    @Test
    void anUnexpectedFailureLeavesTheWorkInPlaceAndBacksOff() {
        var execution = new com.github.kagkarlsson.scheduler.task.Execution(Instant.now(),
                new TaskInstance<>(HomeserverWorkTask.NAME, "ping:1", fresh()));
        execution.consecutiveFailures = 1;
        var done = Instant.now();
        var failed = ExecutionComplete.failure(execution, done.minusMillis(5), done, new IllegalStateException("db"));

        task.onUnexpectedFailure(failed, operations);

        verify(operations).reschedule(failed, done.plus(Duration.ofSeconds(4)));
        verify(operations, never()).remove();
    }

    /** Runs whatever the test scripts, and remembers what it ran and gave up. */
    static final class ScriptedHandler implements HomeserverWorkHandler<Ping> {

        final List<Ping> ran = new ArrayList<>();
        final List<String> gaveUp = new ArrayList<>();
        private final Deque<Supplier<WorkResult>> script = new ArrayDeque<>();

        void will(Supplier<WorkResult> outcome) {
            script.add(outcome);
        }

        @Override
        public Class<Ping> workType() {
            return Ping.class;
        }

        @Override
        public WorkResult run(Ping work) {
            ran.add(work);
            return script.poll().get();
        }

        @Override
        public void gaveUp(Ping work, HomeserverException failure, int attemptsMade) {
            gaveUp.add(failure.getMessage() + " after " + attemptsMade);
        }
    }
}
