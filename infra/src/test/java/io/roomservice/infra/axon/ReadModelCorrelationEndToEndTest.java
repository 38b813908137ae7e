package io.roomservice.infra.axon;

import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** In the running application, exactly the read models' processors leave correlation data out. */
class ReadModelCorrelationEndToEndTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theReadModelsAndTheLookupsAreMarkedAndTheSagasAndReactorsAreNot() {
        assertThat(processing.eventProcessors()).containsKeys(AxonMessagingConfiguration.READ_MODEL_PROCESSORS.toArray(String[]::new));
        processing.eventProcessors().forEach((name, processor) -> {
            boolean marked = processing.interceptorsFor(name).stream().anyMatch(ReadModelCorrelationEndToEndTest::isMarker);
            assertThat(marked).as(name).isEqualTo(AxonMessagingConfiguration.READ_MODEL_PROCESSORS.contains(name));
        });
        assertThat(processing.eventProcessors().keySet()).as("sagas and reactors stay unmarked")
                .contains("matrix-access", "credentials-revocation", "RoomProvisioningSagaProcessor");
    }

    private static boolean isMarker(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        return interceptor == ReadModelCorrelation.marker();
    }
}
