package io.roomservice.command.profile;

import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.EndMatrixAccess;
import io.roomservice.api.profile.ForgetMatrixDisplayName;
import io.roomservice.api.profile.MatrixDisplayNameForgotten;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.command.Refusals.rejectedAs;

/** A person's Matrix account: linked to one id for good, refused for the bot's id or someone else's. */
class UserProfileTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ALICE = "@rs-alice:example.org";

    private final UserId user = UserId.random();
    private final Map<String, UserId> linked = new HashMap<>();
    private FixtureConfiguration<UserProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserProfile.class);
        fixture.registerInjectableResource((MatrixUserIds) id -> Optional.ofNullable(linked.get(id)));
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
                .when(new CreateUserProfile(user, "@rs-alicia:example.org", BOT))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, ProfileRejections.CHANGED));
    }

    @Test
    void theBotsOwnIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserProfile(user, BOT, BOT))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, ProfileRejections.BOT_ID));
    }

    @Test
    void anIdLinkedToAnotherPersonIsRefused() {
        linked.put(ALICE, UserId.random());

        fixture.givenNoPriorActivity()
                .when(new CreateUserProfile(user, ALICE, BOT))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, ProfileRejections.TAKEN));
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

    @Test
    void anErasedPersonsDisplayNameIsForgottenOnce() {
        fixture.given(new UserProfileCreated(user, ALICE))
                .when(new ForgetMatrixDisplayName(user))
                .expectEvents(new MatrixDisplayNameForgotten(user, ALICE));
        fixture.given(new UserProfileCreated(user, ALICE), new MatrixDisplayNameForgotten(user, ALICE))
                .when(new ForgetMatrixDisplayName(user))
                .expectNoEvents();
    }
}
