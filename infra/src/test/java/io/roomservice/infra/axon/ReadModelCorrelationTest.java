package io.roomservice.infra.axon;

import io.roomservice.api.common.MetaDataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelCorrelationTest {

    private final AxonMessagingConfiguration messaging = new AxonMessagingConfiguration();
    private final CorrelationDataInterceptor<EventMessage<?>> correlation = new CorrelationDataInterceptor<>(
            messaging.messageOriginProvider(), messaging.requestIdProvider(), messaging.actorProvider());
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("room created")
            .andMetaData(Map.of(MetaDataKeys.CORRELATION_ID, "ticket-4711", MetaDataKeys.REQUEST_ID, "request-1"));

    @Test
    void aMessageSentWhileAReadModelHandlesAnEventCarriesNoCorrelationData() throws Exception {
        var sent = handle(List.of(ReadModelCorrelation.marker(), correlation));

        assertThat(sent).isEmpty();
    }

    @Test
    void aMessageSentWhileASagaHandlesAnEventCarriesItsCorrelationAndRequestIdAndNamesItsCause() throws Exception {
        var sent = handle(List.of(correlation));

        assertThat(sent).containsEntry(MetaDataKeys.CORRELATION_ID, "ticket-4711")
                .containsEntry(MetaDataKeys.REQUEST_ID, "request-1")
                .containsEntry(MetaDataKeys.CAUSATION_ID, event.getIdentifier());
    }

    @Test
    void theMarkOfAReadModelDoesNotReachACommandItsHandlerWouldSend() throws Exception {
        var uow = DefaultUnitOfWork.startAndGet(event);
        var sentFromNested = new ArrayList<MetaData>();
        uow.executeWithResult(() -> new DefaultInterceptorChain<>(uow, List.of(ReadModelCorrelation.marker()), message -> {
            var nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a command"));
            nested.registerCorrelationDataProvider(messaging.messageOriginProvider());
            nested.execute(() -> sentFromNested.add(new GenericMessage<>("caused by the command").getMetaData()));
            return null;
        }).proceed());

        assertThat(sentFromNested).singleElement().satisfies(metaData ->
                assertThat(metaData).containsKey(MetaDataKeys.CORRELATION_ID));
    }

    /** Handles the event in a unit of work through the given interceptors; returns what a message sent by the handler carries. */
    private MetaData handle(List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) throws Exception {
        var uow = DefaultUnitOfWork.startAndGet(event);
        var sent = new ArrayList<MetaData>();
        var result = uow.executeWithResult(() -> new DefaultInterceptorChain<>(uow, interceptors, message -> {
            sent.add(new GenericMessage<>("an update").getMetaData());
            return null;
        }).proceed());
        assertThat(result.isExceptional()).isFalse();
        return sent.get(0);
    }
}
