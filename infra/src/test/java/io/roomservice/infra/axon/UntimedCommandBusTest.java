package io.roomservice.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class UntimedCommandBusTest {

    /** Where Axon's interceptor keeps its timer: the root unit of work's resources. */
    private static final String AXON_TIMER_RESOURCE = "_transactionTimeLimit";

    @Test
    void axonsOwnBusTimesEveryCommand() {
        // the counterpart of the test below: proves that the resource it looks for is Axon's timer
        var bus = SimpleCommandBus.builder().build();

        assertThat(resourcesSeenByAHandler(bus)).contains(AXON_TIMER_RESOURCE);
    }

    @Test
    void theUntimedBusLeavesAxonsTimerOut() {
        var bus = new UntimedCommandBus(SimpleCommandBus.builder());

        assertThat(resourcesSeenByAHandler(bus)).doesNotContain(AXON_TIMER_RESOURCE);
    }

    @Test
    void theUntimedBusKeepsEveryOtherInterceptor() {
        var bus = new UntimedCommandBus(SimpleCommandBus.builder());
        var calls = new AtomicInteger();
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            calls.incrementAndGet();
            return chain.proceed();
        });

        resourcesSeenByAHandler(bus);

        assertThat(calls).hasValue(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourcesSeenByAHandler(SimpleCommandBus bus) {
        bus.registerHandlerInterceptor(new UnitOfWorkTimeoutInterceptor("test", 60_000, 10_000, 1_000));
        bus.subscribe(String.class.getName(),
                message -> List.copyOf(CurrentUnitOfWork.get().root().resources().keySet()));
        var callback = new FutureCallback<Object, Object>();
        CommandMessage<Object> command = GenericCommandMessage.asCommandMessage("a command");
        bus.dispatch(command, callback);
        return (List<String>) callback.getResult().getPayload();
    }
}
