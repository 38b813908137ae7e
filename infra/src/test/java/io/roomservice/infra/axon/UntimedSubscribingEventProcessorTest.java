package io.roomservice.infra.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DirectEventProcessingStrategy;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class UntimedSubscribingEventProcessorTest {

    /** Where Axon's interceptor keeps its timer: the root unit of work's resources. */
    private static final String AXON_TIMER_RESOURCE = "_transactionTimeLimit";

    @Test
    void axonsOwnSubscribingProcessorTimesTheCommandThatPublished() {
        // the counterpart of the test below: an untimed bus is timed after all through Axon's processor
        assertThat(rootResourcesAfterACommandPublishing(builder -> builder.build()))
                .contains(AXON_TIMER_RESOURCE);
    }

    @Test
    void theUntimedProcessorLeavesTheCommandUntimed() {
        assertThat(rootResourcesAfterACommandPublishing(builder -> new UntimedSubscribingEventProcessor(builder)))
                .doesNotContain(AXON_TIMER_RESOURCE);
    }

    @Test
    void theUntimedProcessorKeepsEveryOtherInterceptorAndHandlesTheEvent() {
        var interceptorCalls = new AtomicInteger();
        var handled = new AtomicInteger();
        var eventBus = SimpleEventBus.builder().build();
        var processor = new UntimedSubscribingEventProcessor(processorBuilder(eventBus, handled));
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            interceptorCalls.incrementAndGet();
            return chain.proceed();
        });
        processor.start();

        eventBus.publish(GenericEventMessage.asEventMessage("an event"));

        assertThat(interceptorCalls).hasValue(1);
        assertThat(handled).hasValue(1);
    }

    private static Set<String> rootResourcesAfterACommandPublishing(
            Function<SubscribingEventProcessor.Builder, SubscribingEventProcessor> build) {
        EventBus eventBus = SimpleEventBus.builder().build();
        SubscribingEventProcessor processor = build.apply(processorBuilder(eventBus, new AtomicInteger()));
        processor.registerHandlerInterceptor(new UnitOfWorkTimeoutInterceptor("test", 60_000, 10_000, 1_000));
        processor.start();
        var commandBus = new UntimedCommandBus(SimpleCommandBus.builder());
        commandBus.subscribe(String.class.getName(), command -> {
            var seen = new CompletableFuture<Set<String>>();
            CurrentUnitOfWork.get().afterCommit(u -> seen.complete(Set.copyOf(u.root().resources().keySet())));
            eventBus.publish(GenericEventMessage.asEventMessage("published by the command"));
            return seen;
        });
        var callback = new FutureCallback<Object, Object>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage("a command"), callback);
        @SuppressWarnings("unchecked")
        var seen = (CompletableFuture<Set<String>>) callback.getResult().getPayload();
        return seen.join();
    }

    private static SubscribingEventProcessor.Builder processorBuilder(EventBus eventBus, AtomicInteger handled) {
        return SubscribingEventProcessor.builder()
                .name("look-ups")
                .messageSource(eventBus)
                .processingStrategy(DirectEventProcessingStrategy.INSTANCE)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(List.of((EventMessageHandler) event -> {
                            handled.incrementAndGet();
                            return null;
                        }))
                        .build());
    }
}
