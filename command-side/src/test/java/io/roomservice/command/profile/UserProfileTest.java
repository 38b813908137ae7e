package io.roomservice.command.profile;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.EndMatrixAccess;
import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.api.profile.MatrixAccessRestored;
import io.roomservice.api.profile.MatrixUserProvisioned;
import io.roomservice.api.profile.MatrixUserProvisioningReset;
import io.roomservice.api.profile.ProfileRejections;
import io.roomservice.api.profile.RecordMatrixUserProvisioned;
import io.roomservice.api.profile.ResetMatrixUserProvisioning;
import io.roomservice.api.profile.RestoreMatrixAccess;
import io.roomservice.api.profile.UserProfileCreated;
import io.roomservice.api.user.UserId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's Matrix account: linked to one id for good, refused for the bot's id or someone else's. */
class UserProfileTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ALICE = "@rs-alice:example.org";

    private final UserId user = UserId.random();
    private final Map<String, UserId> linked = new HashMap<>();
    private final AtomicReference<Exception> refusal = new AtomicReference<>();
    private FixtureConfiguration<UserProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserProfile.class);
        fixture.registerInjectableResource((MatrixUserIds) id -> Optional.ofNullable(linked.get(id)));
        fixture.registerCommandHandlerInterceptor(recordingRefusals());
    }

    @Test
    void aPersonIsLinkedToTheirMatrixId() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserProfile(user, ALICE, BOT))
                .expectEvents(new UserProfileCreated(user, ALICE));
    }

    @Test
    void linkingThePersonToTheSameIdAgainChangesNothing() {
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new CreateUserProfile(user, ALICE, BOT))
                .expectNoEvents();
    }

    @Test
    void aPersonLinkedToOneIdCannotBeLinkedToAnother() {
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new CreateUserProfile(user, "@rs-alicia:example.org", BOT));

        expectRefusal(ProfileRejections.CHANGED);
    }

    @Test
    void theBotsOwnIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserProfile(user, BOT, BOT));

        expectRefusal(ProfileRejections.BOT_ID);
    }

    @Test
    void anIdLinkedToAnotherPersonIsRefused() {
        linked.put(ALICE, UserId.random());

        fixture.givenNoPriorActivity()
                .when(new CreateUserProfile(user, ALICE, BOT));

        expectRefusal(ProfileRejections.TAKEN);
    }

    @Test
    void provisioningIsRecordedOnce() {
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new RecordMatrixUserProvisioned(user))
                .expectEvents(new MatrixUserProvisioned(user, ALICE));
        fixture.given(new UserProfileCreated(user, ALICE), new MatrixUserProvisioned(user, ALICE))
                .when(new RecordMatrixUserProvisioned(user))
                .expectNoEvents();
    }

    @Test
    void aResetMakesAProvisionedAccountNeedProvisioningAgain() {
        fixture.given(new UserProfileCreated(user, ALICE), new MatrixUserProvisioned(user, ALICE))
                .when(new ResetMatrixUserProvisioning(user))
                .expectEvents(new MatrixUserProvisioningReset(user));
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new ResetMatrixUserProvisioning(user))
                .expectNoEvents();
    }

    @Test
    void accessEndsOnceAndIsRestoredOnce() {
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new EndMatrixAccess(user))
                .expectEvents(new MatrixAccessEnded(user, ALICE));
        fixture.given(new UserProfileCreated(user, ALICE), new MatrixAccessEnded(user, ALICE))
                .when(new EndMatrixAccess(user))
                .expectNoEvents();
        fixture.given(new UserProfileCreated(user, ALICE), new MatrixAccessEnded(user, ALICE))
                .when(new RestoreMatrixAccess(user))
                .expectEvents(new MatrixAccessRestored(user, ALICE));
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new RestoreMatrixAccess(user))
                .expectNoEvents();
    }

    private void expectRefusal(String code) {
        assertThat(refusal.get()).isInstanceOf(CommandRejectedException.class);
        assertThat(((CommandRejectedException) refusal.get()).code()).isEqualTo(code);
    }

    private MessageHandlerInterceptor<CommandMessage<?>> recordingRefusals() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception failure) {
                refusal.set(failure);
                throw failure;
            }
        };
    }
}
