package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.DeploymentBootstrapCompleted;
import io.roomservice.api.deployment.DeploymentBootstrapStarted;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserCallbackRecorded;
import io.roomservice.api.deployment.DeploymentUserResyncRequested;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.sagas.work.RecordingWorkQueue;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.roomservice.api.deployment.DeploymentUserAction.CREATED;
import static io.roomservice.api.deployment.DeploymentUserAction.DEMOTED;
import static io.roomservice.api.deployment.DeploymentUserAction.PROMOTED;
import static io.roomservice.api.deployment.DeploymentUserAction.REVOKED;
import static io.roomservice.api.deployment.DeploymentUserAction.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentSagaTest {

    private static final DeploymentName DEPLOYMENT = new DeploymentName("pvarki");
    private static final Map<String, String> ROOMS = Map.of("space", "!s:x", "admin", "!a:x", "general", "!g:x",
            "helpdesk", "!h:x", "offtopic", "!o:x");

    private final DeploymentUserId alice = new DeploymentUserId(UUID.randomUUID());
    private final DeploymentUserId bob = new DeploymentUserId(UUID.randomUUID());
    private final UUID bootstrap = UUID.randomUUID();
    private final RecordingWorkQueue work = new RecordingWorkQueue();
    private SagaTestFixture<DeploymentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DeploymentSaga.class);
        fixture.registerResource(work);
        fixture.registerResource(new BootstrapSettings(Duration.ofMinutes(5)));
    }

    private DeploymentUserCallbackRecorded callback(DeploymentUserId user, DeploymentUserAction action) {
        return new DeploymentUserCallbackRecorded(user, DEPLOYMENT, "cs-" + user.value(), "@" + user.value() + ":x",
                action);
    }

    private ApplyDeploymentUserAction applied(DeploymentUserId user, DeploymentUserAction action) {
        return new ApplyDeploymentUserAction(user, DEPLOYMENT, "@" + user.value() + ":x", action, ROOMS);
    }

    @Test
    void a_started_bootstrap_becomes_homeserver_work_that_waits_for_the_homeserver_until_its_deadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new DeploymentBootstrapStarted(DEPLOYMENT, bootstrap, "x"))
                .expectActiveSagas(1)
                .expectAssociationWith("deployment", "pvarki");
        BootstrapDeployment submitted = work.submitted(BootstrapDeployment.class).get(0);
        assertThat(submitted.bootstrapId()).isEqualTo(bootstrap);
        assertThat(submitted.waitUntil()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(4)));
    }

    @Test
    void once_the_catalogue_is_ready_each_action_goes_to_the_homeserver_at_once() {
        fixture.givenAPublished(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS))
                .whenPublishingA(callback(alice, CREATED));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).containsExactly(applied(alice, CREATED));
    }

    @Test
    void before_the_catalogue_is_ready_actions_wait_and_are_drained_in_order_when_it_completes() {
        fixture.givenAPublished(callback(alice, CREATED))
                .andThenAPublished(callback(bob, PROMOTED))
                .andThenAPublished(callback(alice, PROMOTED));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).isEmpty();

        fixture.whenPublishingA(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS));

        // one work item per user and action: a failure of one stops no other
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).containsExactly(applied(alice, CREATED),
                applied(bob, PROMOTED), applied(alice, PROMOTED));
    }

    @Test
    void a_promotion_then_a_demotion_before_the_catalogue_is_ready_leaves_only_the_demotion() {
        fixture.givenAPublished(callback(alice, PROMOTED))
                .andThenAPublished(callback(alice, DEMOTED))
                .whenPublishingA(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).containsExactly(applied(alice, DEMOTED));
    }

    @Test
    void a_revocation_before_the_catalogue_is_ready_drops_the_users_waiting_admin_action() {
        fixture.givenAPublished(callback(alice, CREATED))
                .andThenAPublished(callback(alice, PROMOTED))
                .andThenAPublished(callback(alice, REVOKED))
                .whenPublishingA(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).containsExactly(applied(alice, REVOKED));
    }

    @Test
    void a_revocation_after_the_catalogue_is_ready_withdraws_a_waiting_admin_action() {
        fixture.givenAPublished(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS))
                .andThenAPublished(callback(alice, PROMOTED))
                .whenPublishingA(callback(alice, REVOKED));
        assertThat(work.cancelled()).containsExactly(applied(alice, PROMOTED).key());
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).last().isEqualTo(applied(alice, REVOKED));
    }

    @Test
    void an_updated_callsign_changes_nothing_on_the_homeserver() {
        fixture.givenAPublished(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS))
                .whenPublishingA(callback(alice, UPDATED));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).isEmpty();
    }

    @Test
    void a_waiting_promotion_and_demotion_share_one_key_so_a_later_one_replaces_a_waiting_one_in_the_queue() {
        assertThat(applied(alice, PROMOTED).key()).isEqualTo(applied(alice, DEMOTED).key())
                .isNotEqualTo(applied(alice, CREATED).key()).isNotEqualTo(applied(bob, PROMOTED).key());
    }

    @Test
    void a_resync_of_the_reconciliation_submits_the_users_standing_actions_again() {
        fixture.givenAPublished(new DeploymentBootstrapCompleted(DEPLOYMENT, bootstrap, ROOMS))
                .andThenAPublished(callback(alice, CREATED))
                .andThenAPublished(callback(alice, PROMOTED))
                .whenPublishingA(new DeploymentUserResyncRequested(alice, DEPLOYMENT, "@" + alice.value() + ":x",
                        List.of(CREATED, PROMOTED)));
        assertThat(work.submitted(ApplyDeploymentUserAction.class)).containsExactly(applied(alice, CREATED),
                applied(alice, PROMOTED), applied(alice, CREATED), applied(alice, PROMOTED));
    }
}
