package io.roomservice.infra.axon;

import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;

/**
 * Recognises Axon's transaction timer among the interceptors Axon's auto-configuration registers, for
 * the components that decline it ({@link UntimedCommandBus}, {@link UntimedSubscribingEventProcessor}).
 */
final class AxonTransactionTimer {

    /** What a declined registration returns: there is nothing to cancel. */
    static final Registration DECLINED = () -> true;

    private AxonTransactionTimer() {
    }

    static boolean is(MessageHandlerInterceptor<?> interceptor) {
        return interceptor instanceof UnitOfWorkTimeoutInterceptor;
    }
}
