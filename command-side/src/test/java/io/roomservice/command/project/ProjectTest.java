package io.roomservice.command.project;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.DeleteProject;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.RegisterProject;
import io.roomservice.api.project.RenameProject;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host platform may repeat any call, so a repeat that changes nothing must record nothing.
 * Refusals are read from a command handler interceptor (see {@code RoomTest} for why).
 */
class ProjectTest {

    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final AtomicReference<Exception> refusal = new AtomicReference<>();

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerCommandHandlerInterceptor(recordingRefusals());
    }

    // ---- RegisterProject --------------------------------------------------------------------------

    @Test
    void anUnknownProjectIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(projectId, customerId, "Apollo"))
                .expectEvents(new ProjectRegistered(projectId, customerId, "Apollo"));
    }

    @Test
    void registeringTheSameProjectAgainChangesNothing() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new RegisterProject(projectId, customerId, "Apollo"))
                .expectNoEvents();
    }

    @Test
    void registeringAProjectAgainUnderAnotherNameRenamesIt() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new RegisterProject(projectId, customerId, "Artemis"))
                .expectEvents(new ProjectRenamed(projectId, "Artemis"));
    }

    @Test
    void aProjectCannotBeRegisteredAgainUnderAnotherCustomer() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new RegisterProject(projectId, CustomerId.random(), "Apollo"));

        expectRefusal(RejectionReason.CONFLICT, "project-customer-mismatch");
    }

    @Test
    void aDeletedProjectCannotBeRegisteredAgain() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"), new ProjectDeleted(projectId))
                .when(new RegisterProject(projectId, customerId, "Apollo"));

        expectRefusal(RejectionReason.WRONG_STATE, "project-deleted");
    }

    // ---- RenameProject ----------------------------------------------------------------------------

    @Test
    void renamingAProjectToItsCurrentNameChangesNothing() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new RenameProject(projectId, "Apollo"))
                .expectNoEvents();
    }

    @Test
    void aProjectCanBeRenamed() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new RenameProject(projectId, "Artemis"))
                .expectEvents(new ProjectRenamed(projectId, "Artemis"));
    }

    @Test
    void anUnknownProjectCannotBeRenamed() {
        fixture.givenNoPriorActivity()
                .when(new RenameProject(projectId, "Artemis"));

        assertThat(refusal.get()).isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void aDeletedProjectCannotBeRenamed() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"), new ProjectDeleted(projectId))
                .when(new RenameProject(projectId, "Artemis"));

        expectRefusal(RejectionReason.WRONG_STATE, "project-deleted");
    }

    // ---- DeleteProject ----------------------------------------------------------------------------

    @Test
    void aProjectCanBeDeleted() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"))
                .when(new DeleteProject(projectId))
                .expectEvents(new ProjectDeleted(projectId));
    }

    @Test
    void deletingADeletedProjectAgainChangesNothing() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"), new ProjectDeleted(projectId))
                .when(new DeleteProject(projectId))
                .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------

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

    private void expectRefusal(RejectionReason reason, String code) {
        assertThat(refusal.get())
                .as("the command should have been refused")
                .isInstanceOfSatisfying(CommandRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(reason);
                    assertThat(rejected.code()).isEqualTo(code);
                });
    }
}
