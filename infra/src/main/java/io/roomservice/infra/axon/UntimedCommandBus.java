package io.roomservice.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;

import javax.annotation.Nonnull;

/**
 * Axon's simple command bus without Axon's transaction timer for commands.
 *
 * <p>Axon's auto-configuration gives every bus a {@link UnitOfWorkTimeoutInterceptor}, even with its
 * timeout switched off, and the interceptor captures the whole stack of the calling thread and schedules
 * a warning task for every command: a tenth of a command's CPU time in a profile. What it guards against
 * cannot happen here in a form it could end: a command does only JDBC work on the command side (no
 * network calls, an ArchUnit rule), and a thread blocked in a JDBC read does not wake up on the
 * interrupt the timer would send. A stuck statement is bounded by PostgreSQL's own
 * {@code statement_timeout} and {@code lock_timeout} (README, configuration), as it would be without Axon.
 */
final class UntimedCommandBus extends SimpleCommandBus {

    UntimedCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    public @Nonnull Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return AxonTransactionTimer.is(handlerInterceptor) ? AxonTransactionTimer.DECLINED
                : super.registerHandlerInterceptor(handlerInterceptor);
    }
}
