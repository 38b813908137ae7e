package io.roomservice.infra.support;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.RoomSpec;
import io.roomservice.sagas.membership.MemberHomeserver;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application the tests start really has its homeserver ports guarded. */
class HomeserverCallGuardEndToEndTest extends EndToEndTest {

    @Autowired
    Homeserver rooms;

    @Autowired
    MemberHomeserver members;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theHomeserverPortsOfTheApplicationAreGuarded() {
        assertThat(AopUtils.isAopProxy(rooms)).isTrue();
        assertThat(AopUtils.isAopProxy(members)).isTrue();
    }

    @Test
    void aHomeserverCallInsideAnApplicationTransactionFails() {
        var spec = new RoomSpec(RoomId.random(), ProjectId.random(), "Inside");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                rooms.createRoom(spec))).hasMessageContaining("while a database transaction is open");
        assertThat(HomeserverCallGuard.takeViolations()).hasSize(1);
    }
}
