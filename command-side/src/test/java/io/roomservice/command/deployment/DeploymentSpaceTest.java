package io.roomservice.command.deployment;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.deployment.CompleteDeploymentBootstrap;
import io.roomservice.api.deployment.DeploymentBootstrapCompleted;
import io.roomservice.api.deployment.DeploymentBootstrapFailed;
import io.roomservice.api.deployment.DeploymentBootstrapStarted;
import io.roomservice.api.deployment.DeploymentBootstrapStepRecorded;
import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.FailDeploymentBootstrap;
import io.roomservice.api.deployment.RecordDeploymentBootstrapStep;
import io.roomservice.api.deployment.StartDeploymentBootstrap;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.instanceOf;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentSpaceTest {

    private final DeploymentName deployment = new DeploymentName("pvarki");
    private final UUID running = UUID.randomUUID();
    private FixtureConfiguration<DeploymentSpace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeploymentSpace.class);
    }

    @Test
    void a_first_bootstrap_starts_and_answers_its_id() {
        fixture.givenNoPriorActivity()
                .when(new StartDeploymentBootstrap(deployment, "example.org"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(instanceOf(UUID.class))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                instanceOf(DeploymentBootstrapStarted.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void a_second_bootstrap_is_refused_while_one_runs() {
        fixture.given(new DeploymentBootstrapStarted(deployment, running, "example.org"))
                .when(new StartDeploymentBootstrap(deployment, "example.org"))
                .expectException(CommandRejectedException.class)
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(running.toString()));
    }

    @Test
    void a_bootstrap_starts_again_once_the_last_one_failed() {
        fixture.given(new DeploymentBootstrapStarted(deployment, running, "example.org"),
                        new DeploymentBootstrapFailed(deployment, running, "wait-for-homeserver", "no answer"))
                .when(new StartDeploymentBootstrap(deployment, "example.org"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_running_bootstrap_records_its_steps_and_completes_with_the_catalogue() {
        Map<String, String> rooms = Map.of("space", "!s:example.org", "general", "!g:example.org");
        fixture.given(new DeploymentBootstrapStarted(deployment, running, "example.org"))
                .when(new RecordDeploymentBootstrapStep(deployment, running, "room:space", "created", "!s:example.org"))
                .expectEvents(new DeploymentBootstrapStepRecorded(deployment, running, "room:space", "created",
                        "!s:example.org"));
        fixture.given(new DeploymentBootstrapStarted(deployment, running, "example.org"))
                .when(new CompleteDeploymentBootstrap(deployment, running, rooms))
                .expectEvents(new DeploymentBootstrapCompleted(deployment, running, rooms));
    }

    @Test
    void a_bootstrap_that_is_not_running_records_nothing() {
        UUID finished = UUID.randomUUID();
        fixture.given(new DeploymentBootstrapStarted(deployment, finished, "example.org"),
                        new DeploymentBootstrapCompleted(deployment, finished, Map.of()))
                .when(new FailDeploymentBootstrap(deployment, finished, "state:space", "late report"))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not running"));
    }
}
