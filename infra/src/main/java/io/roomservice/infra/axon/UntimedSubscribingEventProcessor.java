package io.roomservice.infra.axon;

import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DirectEventProcessingStrategy;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;

import javax.annotation.Nonnull;

/**
 * Axon's subscribing event processor without Axon's transaction timer, for handlers that run inside
 * the command that published their events.
 *
 * <p>Axon's auto-configuration gives every event processor a {@link UnitOfWorkTimeoutInterceptor}. A
 * subscribing processor's unit of work is nested in the command's, so the interceptor times the
 * command's root unit of work after all, which {@link UntimedCommandBus} leaves untimed on purpose: it
 * captured the command thread's whole stack for every command, a tenth of the command path's CPU time
 * in a profile. What bounds such a command instead is the same as for the bus (see there).
 */
final class UntimedSubscribingEventProcessor extends SubscribingEventProcessor {

    UntimedSubscribingEventProcessor(Builder builder) {
        super(builder);
    }

    /**
     * The processor Axon's {@code registerSubscribingEventProcessor(name)} would build, on the event bus,
     * untimed, its invokers remembering whether they support a reset ({@link ResetSupportRemembered}).
     */
    static UntimedSubscribingEventProcessor onEventBus(String name, Configuration axon, EventHandlerInvoker handlers) {
        var processing = axon.eventProcessingConfiguration();
        return new UntimedSubscribingEventProcessor(SubscribingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(ResetSupportRemembered.of(handlers))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(SubscribingEventProcessor.class, name))
                .messageSource(axon.eventBus())
                .processingStrategy(DirectEventProcessingStrategy.INSTANCE)
                .transactionManager(processing.transactionManager(name))
                .spanFactory(axon.getComponent(EventProcessorSpanFactory.class)));
    }

    @Override
    public @Nonnull Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super EventMessage<?>> handlerInterceptor) {
        return AxonTransactionTimer.is(handlerInterceptor) ? AxonTransactionTimer.DECLINED
                : super.registerHandlerInterceptor(handlerInterceptor);
    }
}
