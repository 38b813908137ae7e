package io.roomservice.infra.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResetSupportRememberedTest {

    @Test
    void eachInvokerIsAskedOnceWhetherItSupportsAResetHoweverManyEventsFollow() throws Exception {
        var lookup = new CountingInvoker(String.class, false);
        var erasure = new CountingInvoker(Integer.class, true);
        var invoker = ResetSupportRemembered.of(new MultiEventHandlerInvoker(lookup, erasure));

        for (int i = 0; i < 100; i++) {
            var event = GenericEventMessage.asEventMessage(i % 2 == 0 ? "text" : (Object) i);
            if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }

        assertThat(lookup.resetQuestions).isEqualTo(1);
        assertThat(erasure.resetQuestions).isEqualTo(1);
        assertThat(lookup.handled).hasSize(50);
        assertThat(erasure.handled).hasSize(50);
        assertThat(invoker.supportsReset()).isTrue();
    }

    @Test
    void aSingleInvokerKeepsItsAnswerAndItsHandlers() throws Exception {
        var lookup = new CountingInvoker(String.class, false);
        var invoker = ResetSupportRemembered.of(lookup);

        assertThat(invoker.supportsReset()).isFalse();
        assertThat(invoker.supportsReset()).isFalse();
        assertThat(invoker.canHandleType(String.class)).isTrue();
        assertThat(invoker.canHandleType(Integer.class)).isFalse();
        invoker.handle(GenericEventMessage.asEventMessage("text"), Segment.ROOT_SEGMENT);

        assertThat(lookup.resetQuestions).isEqualTo(1);
        assertThat(lookup.handled).containsExactly("text");
    }

    private static final class CountingInvoker implements EventHandlerInvoker {

        private final Class<?> type;
        private final boolean supportsReset;
        int resetQuestions;
        final List<Object> handled = new ArrayList<>();

        CountingInvoker(Class<?> type, boolean supportsReset) {
            this.type = type;
            this.supportsReset = supportsReset;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return type.isInstance(eventMessage.getPayload());
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return type.isAssignableFrom(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            handled.add(message.getPayload());
        }

        @Override
        public boolean supportsReset() {
            resetQuestions++;
            return supportsReset;
        }
    }
}
