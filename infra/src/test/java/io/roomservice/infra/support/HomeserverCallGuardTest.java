package io.roomservice.infra.support;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard the whole suite runs with: a homeserver call inside a transaction fails and is remembered. */
class HomeserverCallGuardTest {

    private static final RoomSpec SPEC = new RoomSpec(RoomId.random(), ProjectId.random(), "Apollo");

    private final Homeserver guarded = (Homeserver) HomeserverCallGuard.guarded(new Homeserver() {
        @Override
        public ProvisionedRoom createRoom(RoomSpec spec) {
            return new ProvisionedRoom("!apollo:example.org", null);
        }

        @Override
        public void renameRoom(String matrixRoomId, String name) {
        }

        @Override
        public void repairRoom(String matrixRoomId, String alias, String name) {
        }
    });

    @AfterEach
    void leaveNoTransactionBehind() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aCallOutsideAnyTransactionGoesThrough() {
        assertThat(guarded.createRoom(SPEC).matrixRoomId()).isEqualTo("!apollo:example.org");
        assertThat(HomeserverCallGuard.takeViolations()).isEmpty();
    }

    @Test
    void aCallWhileATransactionIsOpenFailsAndIsRemembered() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> guarded.createRoom(SPEC))
                .hasMessageContaining("Homeserver call createRoom made while a database transaction is open");
        // taken here, so that the extension does not fail this test for the violation it provoked
        assertThat(HomeserverCallGuard.takeViolations()).hasSize(1);
    }

    @Test
    void theScriptedHomeserverStaysInjectableByItsClass() {
        Object proxy = HomeserverCallGuard.guarded(new ScriptedHomeserver());

        assertThat(proxy).isInstanceOf(ScriptedHomeserver.class);
    }
}
