package io.roomservice.infra.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingProcessorsTest {

    @Test
    void aThreadThatFoundNothingWaitsThePollIntervalNotAxonsSecond() {
        var configuration = TrackingProcessors.configuration(2, 1000, Duration.ofMillis(100));

        assertThat(configuration.getEventAvailabilityTimeout()).isEqualTo(100);
    }

    @Test
    void eachThreadFollowsOneSegmentAndTakesTheGivenBatch() {
        var configuration = TrackingProcessors.configuration(3, 250, Duration.ofMillis(50));

        assertThat(configuration.getMaxThreadCount()).isEqualTo(3);
        assertThat(configuration.getInitialSegmentsCount()).isEqualTo(3);
        assertThat(configuration.getBatchSize()).isEqualTo(250);
    }
}
