package io.roomservice.sagas.deployment;

import io.roomservice.api.deployment.CompleteDeploymentBootstrap;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.FailDeploymentBootstrap;
import io.roomservice.api.deployment.RecordDeploymentBootstrapStep;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The steps of a bootstrap against a homeserver port that answers as each case needs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BootstrapDeploymentHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String BOT = "@roomservice-admin:example.org";

    private final DeploymentHomeserver homeserver = mock(DeploymentHomeserver.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final UUID bootstrap = UUID.randomUUID();
    private final DeploymentName deployment = new DeploymentName("ops");
    private final BootstrapDeploymentHandler handler =
            new BootstrapDeploymentHandler(homeserver, commands, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aHealthyHomeserverWithTheAdminAccount() {
        when(homeserver.healthy()).thenReturn(true);
        when(homeserver.ensureAdminAccount()).thenReturn(BOT);
        when(homeserver.state(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
    }

    private BootstrapDeployment work(Instant waitUntil) {
        return new BootstrapDeployment(deployment, bootstrap, "example.org", waitUntil, Map.of());
    }

    private List<Object> reports() {
        var sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getAllValues().stream().<Object>map(command -> ((CommandMessage<?>) command).getPayload()).toList();
    }

    @Test
    void a_homeserver_that_does_not_answer_yet_is_asked_again_until_the_wait_is_over_then_the_bootstrap_fails() {
        when(homeserver.healthy()).thenReturn(false);

        assertThat(handler.run(work(NOW.plusSeconds(60))).runAgainAfter()).isEqualTo(Duration.ofSeconds(5));
        verify(commands, never()).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        assertThat(handler.run(work(NOW.minusSeconds(1))).isDone()).isTrue();
        assertThat(reports()).singleElement().isInstanceOfSatisfying(FailDeploymentBootstrap.class, failed ->
                assertThat(failed.step()).isEqualTo("wait-for-homeserver"));
    }

    @Test
    void missing_rooms_are_created_found_ones_kept_and_the_catalogue_completes_with_every_room() {
        when(homeserver.resolveAlias(anyString())).thenReturn(Optional.empty());
        when(homeserver.resolveAlias("#ops-space:example.org")).thenReturn(Optional.of("!space:example.org"));
        when(homeserver.createRoom(anyString(), anyString(), anyBoolean(), any()))
                .thenAnswer(call -> "!" + call.getArgument(0) + ":example.org");

        assertThat(handler.run(work(NOW.plusSeconds(60))).isDone()).isTrue();

        verify(homeserver, never()).createRoom(org.mockito.ArgumentMatchers.eq("ops-space"), anyString(), anyBoolean(),
                any());
        List<Object> reports = reports();
        assertThat(reports).filteredOn(RecordDeploymentBootstrapStep.class::isInstance)
                .map(step -> ((RecordDeploymentBootstrapStep) step).step() + "=" + ((RecordDeploymentBootstrapStep) step).outcome())
                .startsWith("wait-for-homeserver=ok", "admin-account=ok", "rate-limit=lifted", "room:space=found",
                        "room:admin=created");
        assertThat(reports).last().isInstanceOfSatisfying(CompleteDeploymentBootstrap.class, completed ->
                assertThat(completed.rooms()).containsEntry("space", "!space:example.org")
                        .containsEntry("general", "!ops-general:example.org").hasSize(5));
    }

    @Test
    void an_alias_removed_behind_its_back_is_bound_to_the_room_made_before_not_to_a_new_room() {
        when(homeserver.resolveAlias(anyString())).thenAnswer(call -> Optional.of("!" + call.getArgument(0) + ":x"));
        when(homeserver.resolveAlias("#ops-helpdesk:example.org")).thenReturn(Optional.empty());
        var again = new BootstrapDeployment(deployment, bootstrap, "example.org", NOW.plusSeconds(60),
                Map.of("helpdesk", "!helpdesk:example.org"));

        assertThat(handler.run(again).isDone()).isTrue();

        verify(homeserver).bindAlias("#ops-helpdesk:example.org", "!helpdesk:example.org");
        verify(homeserver, never()).createRoom(anyString(), anyString(), anyBoolean(), any());
        assertThat(reports()).contains(new RecordDeploymentBootstrapStep(deployment, bootstrap, "room:helpdesk",
                "alias-restored", "!helpdesk:example.org"));
    }

    @Test
    void a_permanent_refusal_fails_the_bootstrap_at_its_step_and_a_transient_one_is_tried_again() {
        when(homeserver.resolveAlias(anyString())).thenReturn(Optional.empty());
        when(homeserver.createRoom(anyString(), anyString(), anyBoolean(), any()))
                .thenThrow(HomeserverException.permanentFailure("M_FORBIDDEN: no"));

        assertThat(handler.run(work(NOW.plusSeconds(60))).isDone()).isTrue();
        assertThat(reports()).last().isInstanceOfSatisfying(FailDeploymentBootstrap.class, failed -> {
            assertThat(failed.step()).isEqualTo("room:space");
            assertThat(failed.reason()).contains("M_FORBIDDEN");
        });

        org.mockito.Mockito.doThrow(HomeserverException.transientFailure("timed out", null)).when(homeserver)
                .createRoom(anyString(), anyString(), anyBoolean(), any());
        assertThatThrownBy(() -> handler.run(work(NOW.plusSeconds(60)))).isInstanceOf(HomeserverException.class);
    }

    @Test
    void a_refused_rate_limit_lift_is_a_warning_not_a_failure() {
        when(homeserver.resolveAlias(anyString())).thenAnswer(call -> Optional.of("!" + call.getArgument(0) + ":x"));
        org.mockito.Mockito.doThrow(HomeserverException.permanentFailure("M_FORBIDDEN")).when(homeserver)
                .liftRateLimit(anyString());

        assertThat(handler.run(work(NOW.plusSeconds(60))).isDone()).isTrue();

        assertThat(reports()).anySatisfy(report -> assertThat(report).isEqualTo(
                new RecordDeploymentBootstrapStep(deployment, bootstrap, "rate-limit", "warning", "M_FORBIDDEN")))
                .last().isInstanceOf(CompleteDeploymentBootstrap.class);
    }

    @Test
    void the_rate_limit_is_lifted_for_the_admin_account_the_bootstrap_just_ensured() {
        when(homeserver.ensureAdminAccount()).thenReturn("@roomservice-admin:x");
        when(homeserver.resolveAlias(anyString())).thenAnswer(call -> Optional.of("!" + call.getArgument(0) + ":x"));

        assertThat(handler.run(work(NOW.plusSeconds(60))).isDone()).isTrue();

        verify(homeserver).liftRateLimit("@roomservice-admin:x");
        verify(homeserver, org.mockito.Mockito.times(1)).ensureAdminAccount();
    }
}
