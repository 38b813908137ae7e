package io.roomservice.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;
import java.util.Map;

/**
 * No correlation data where nothing is sent on: in the processors of the read models and the
 * command side's look-ups, whose handlers write tables and send no command or event.
 *
 * <p>Axon asks every correlation data provider about every event a processor handles, only to wrap
 * the handler's return value in a result message that nobody reads. For an event read from the store
 * that deserializes its metadata: a fifth of the room list's rebuild went there. The processors named
 * in {@link AxonMessagingConfiguration#READ_MODEL_PROCESSORS} mark their units of work
 * ({@link #marker()}); the providers, wrapped by {@link #unlessReadModel}, answer nothing inside a
 * marked one. The only message
 * a read model sends, the room list's update to a caller waiting for its own write, goes out without
 * correlation data: nobody audits it. Sagas and the other reactors stay unmarked, so the commands they
 * send carry the correlation id of the event that caused them.
 */
final class ReadModelCorrelation {

    private static final String MARK = ReadModelCorrelation.class.getName();

    private ReadModelCorrelation() {
    }

    /** Marks the unit of work of each event it sees (in a batch, the batch's one unit of work). */
    static MessageHandlerInterceptor<EventMessage<?>> marker() {
        return ReadModelMarker.INSTANCE;
    }

    /** The provider's correlation data, except inside a read model's unit of work. */
    static CorrelationDataProvider unlessReadModel(CorrelationDataProvider provider) {
        return message -> inReadModel() ? Map.of() : provider.correlationDataFor(message);
    }

    private static boolean inReadModel() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(MARK);
    }

    private enum ReadModelMarker implements MessageHandlerInterceptor<EventMessage<?>> {
        INSTANCE;

        @Override
        public Object handle(@Nonnull UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             @Nonnull InterceptorChain interceptorChain) throws Exception {
            unitOfWork.resources().putIfAbsent(MARK, Boolean.TRUE);
            return interceptorChain.proceed();
        }
    }
}
