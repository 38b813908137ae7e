package io.roomservice.command.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserActionApplied;
import io.roomservice.api.deployment.DeploymentUserActionFailed;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.deployment.RecordDeploymentUserActionOutcome;
import io.roomservice.api.deployment.RecordDeploymentUserCallback;
import io.roomservice.api.deployment.DeploymentUserResyncRequested;
import io.roomservice.api.deployment.ResyncDeploymentUser;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.roomservice.api.deployment.DeploymentUserAction.CREATED;
import static io.roomservice.api.deployment.DeploymentUserAction.DEMOTED;
import static io.roomservice.api.deployment.DeploymentUserAction.PROMOTED;
import static io.roomservice.api.deployment.DeploymentUserAction.REVOKED;
import static io.roomservice.api.deployment.DeploymentUserAction.UPDATED;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentMemberTest {

    private final DeploymentUserId user = new DeploymentUserId(UUID.randomUUID());
    private final DeploymentName deployment = new DeploymentName("pvarki");
    private FixtureConfiguration<DeploymentMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeploymentMember.class);
    }

    @Test
    void every_callback_is_recorded_even_a_promotion_before_the_user_was_created() {
        fixture.givenNoPriorActivity()
                .when(new RecordDeploymentUserCallback(user, deployment, "Alpha1", "@alpha1:example.org", PROMOTED))
                .expectEvents(new DeploymentUserCallbackRecorded(user, deployment, "Alpha1", "@alpha1:example.org",
                        PROMOTED));
    }

    @Test
    void a_new_callsign_is_recorded_but_the_matrix_account_stays_the_first_one() {
        fixture.given(new DeploymentUserCallbackRecorded(user, deployment, "Alpha1", "@alpha1:example.org", CREATED))
                .when(new RecordDeploymentUserCallback(user, deployment, "Bravo2", "@bravo2:example.org", UPDATED))
                .expectEvents(new DeploymentUserCallbackRecorded(user, deployment, "Bravo2", "@alpha1:example.org",
                        UPDATED));
    }

    @Test
    void the_homeserver_outcome_of_an_action_is_recorded_applied_or_failed() {
        fixture.given(new DeploymentUserCallbackRecorded(user, deployment, "Alpha1", "@alpha1:example.org", CREATED))
                .when(new RecordDeploymentUserActionOutcome(user, CREATED, true, "joined 4 rooms"))
                .expectEvents(new DeploymentUserActionApplied(user, deployment, "@alpha1:example.org", CREATED,
                        "joined 4 rooms"));
        fixture.given(new DeploymentUserCallbackRecorded(user, deployment, "Alpha1", "@alpha1:example.org", CREATED))
                .when(new RecordDeploymentUserActionOutcome(user, CREATED, false, "M_UNKNOWN"))
                .expectEvents(new DeploymentUserActionFailed(user, deployment, "@alpha1:example.org", CREATED,
                        "M_UNKNOWN"));
    }

    @Test
    void a_resync_applies_the_last_account_action_and_the_last_admin_action_again() {
        fixture.given(callback(CREATED), callback(PROMOTED), callback(UPDATED), callback(DEMOTED))
                .when(new ResyncDeploymentUser(user))
                .expectEvents(new DeploymentUserResyncRequested(user, deployment, "@alpha1:example.org",
                        List.of(CREATED, DEMOTED)));
    }

    @Test
    void a_revoked_user_is_resynced_as_revoked_without_their_former_rights() {
        fixture.given(callback(CREATED), callback(PROMOTED), callback(REVOKED))
                .when(new ResyncDeploymentUser(user))
                .expectEvents(new DeploymentUserResyncRequested(user, deployment, "@alpha1:example.org",
                        List.of(REVOKED)));
    }

    @Test
    void a_user_known_only_by_a_callsign_change_has_nothing_to_resync() {
        fixture.given(callback(UPDATED))
                .when(new ResyncDeploymentUser(user))
                .expectNoEvents();
    }

    private DeploymentUserCallbackRecorded callback(io.roomservice.api.deployment.DeploymentUserAction action) {
        return new DeploymentUserCallbackRecorded(user, deployment, "Alpha1", "@alpha1:example.org", action);
    }
}
