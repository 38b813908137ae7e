package io.roomservice.query.position;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The directory's position for every kind of token its processor may hold. */
class ProcessorPositionTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final ProcessorPosition position = new ProcessorPosition(jdbc, mock(Serializer.class), "directory");

    @Test
    void noTokenYetIsMinusOne() {
        assertThat(position.positionOf(null)).isEqualTo(-1);
    }

    @Test
    void aGlobalSequenceTokenIsItsIndex() {
        assertThat(position.positionOf(new GlobalSequenceTrackingToken(42))).isEqualTo(42);
    }

    @Test
    void aGapAwareTokenWithoutGapsIsItsIndex() {
        assertThat(position.positionOf(GapAwareTrackingToken.newInstance(42, List.of()))).isEqualTo(42);
        verify(jdbc, never()).queryForObject(anyString(), eq(Long.class), any(Object[].class));
    }

    @Test
    void gapsThatHoldNoStoredEventDoNotHoldThePositionBack() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class))).thenReturn(null);

        assertThat(position.positionOf(GapAwareTrackingToken.newInstance(42, List.of(7L, 40L)))).isEqualTo(42);
    }

    @Test
    void aGapThatHasBecomeAStoredEventHoldsThePositionJustBelowIt() {
        when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class))).thenReturn(40L);

        assertThat(position.positionOf(GapAwareTrackingToken.newInstance(42, List.of(7L, 40L)))).isEqualTo(39);
    }

    @Test
    void aReplayIsWhereTheReplayHasComeTo() {
        var replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()),
                GapAwareTrackingToken.newInstance(10, List.of()));

        assertThat(position.positionOf(replay)).isEqualTo(10);
    }

    @Test
    void aReplayThatHasNotStartedIsMinusOne() {
        var replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()));

        assertThat(position.positionOf(replay)).isEqualTo(-1);
    }
}
