package io.roomservice.infra.room;

import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.query.room.RoomProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The room list runs on a tracking processor, one thread per segment (RoomListProcessorConfiguration). */
class RoomListProcessorEndToEndTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    RoomListProperties properties;

    @Test
    void theRoomListIsATrackingProcessorWhoseThreadsEachFollowOneSegment() {
        var processor = processing.eventProcessor(RoomProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();

        assertThat(processor.maxCapacity()).isEqualTo(properties.threads()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(processor.processingStatus()).hasSize(properties.threads()));
    }
}
