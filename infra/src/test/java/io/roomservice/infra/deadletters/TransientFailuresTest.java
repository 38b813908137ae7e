package io.roomservice.infra.deadletters;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aDeadlockATimeoutALostConnectionAndALostRaceMayPassByThemselves() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("statement timeout", "57014"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("connection lost", "08006"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConcurrencyException("lost the race"))))
                .isTrue();
    }

    @Test
    void aRowTheTableCannotHoldOrABugDoesNot() {
        assertThat(TransientFailures.isTransient(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("raised by a trigger", "P0001"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
