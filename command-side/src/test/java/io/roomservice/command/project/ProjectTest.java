package io.roomservice.command.project;

import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.DeleteProject;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.RegisterProject;
import io.roomservice.api.project.RenameProject;
import io.roomservice.api.project.GrantProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.project.RevokeProjectRole;
import io.roomservice.api.user.UserId;
import io.roomservice.command.user.RoleGrants;
import io.roomservice.command.user.UserLookup;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.api.project.ProjectRole.ADMIN;
import static io.roomservice.api.project.ProjectRole.MEMBER;
import static io.roomservice.command.Refusals.rejectedAs;

/**
 * The host platform may repeat any call, so a repeat that changes nothing must record nothing;
 * a refusal records nothing either.
 */
class ProjectTest {

    private final ProjectId projectId = ProjectId.random();
    private final CustomerId customerId = CustomerId.random();
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();
    private final Map<UserId, UserLookup.Entry> users = new HashMap<>();

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource((UserLookup) id -> Optional.ofNullable(users.get(id)));
        users.put(alice, new UserLookup.Entry(alice, false));
        users.put(bob, new UserLookup.Entry(bob, false));
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
                .when(new RegisterProject(projectId, CustomerId.random(), "Apollo"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.CONFLICT, "project-customer-mismatch"));
    }

    @Test
    void aDeletedProjectCannotBeRegisteredAgain() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"), new ProjectDeleted(projectId))
                .when(new RegisterProject(projectId, customerId, "Apollo"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, "project-deleted"));
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
                .when(new RenameProject(projectId, "Artemis"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aDeletedProjectCannotBeRenamed() {
        fixture.given(new ProjectRegistered(projectId, customerId, "Apollo"), new ProjectDeleted(projectId))
                .when(new RenameProject(projectId, "Artemis"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, "project-deleted"));
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

    // ---- GrantProjectRole -------------------------------------------------------------------------

    @Test
    void aKnownActivePersonIsGrantedARoleRecordedWithTheProjectsCustomer() {
        fixture.given(registered())
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectEvents(new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .expectResultMessagePayload(true);
    }

    @Test
    void grantingARoleThePersonHoldsChangesNothing() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aPersonMayHoldSeveralRolesInOneProject() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .when(new GrantProjectRole(projectId, alice, MEMBER))
                .expectEvents(new ProjectRoleGranted(projectId, customerId, alice, MEMBER));
    }

    @Test
    void aRoleRevokedBeforeCanBeGrantedAgain() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN),
                        new ProjectRoleRevoked(projectId, customerId, alice, ADMIN))
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectEvents(new ProjectRoleGranted(projectId, customerId, alice, ADMIN));
    }

    @Test
    void aRoleCannotBeGrantedToAPersonTheDirectoryDoesNotKnow() {
        fixture.given(registered())
                .when(new GrantProjectRole(projectId, UserId.random(), ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER));
    }

    @Test
    void aRoleCannotBeGrantedToADeactivatedPerson() {
        users.put(alice, new UserLookup.Entry(alice, true));

        fixture.given(registered())
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, UserLookup.USER_DEACTIVATED));
    }

    @Test
    void aRoleCannotBeGrantedInAnUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, Project.UNKNOWN_PROJECT));
    }

    @Test
    void aRoleCannotBeGrantedInADeletedProject() {
        fixture.given(registered(), new ProjectDeleted(projectId))
                .when(new GrantProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, Project.PROJECT_DELETED));
    }

    @Test
    void aGrantWithoutRoleIsRefused() {
        fixture.given(registered())
                .when(new GrantProjectRole(projectId, alice, null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, RoleGrants.UNKNOWN_ROLE));
    }

    // ---- RevokeProjectRole ------------------------------------------------------------------------

    @Test
    void aHeldRoleIsRevokedAndRecordedWithTheProjectsCustomer() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectEvents(new ProjectRoleRevoked(projectId, customerId, alice, ADMIN))
                .expectResultMessagePayload(true);
    }

    @Test
    void revokingARoleRevokedBeforeChangesNothing() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN),
                        new ProjectRoleRevoked(projectId, customerId, alice, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void revokingOneRoleLeavesThePersonsOtherRoles() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN),
                        new ProjectRoleGranted(projectId, customerId, alice, MEMBER),
                        new ProjectRoleRevoked(projectId, customerId, alice, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, MEMBER))
                .expectEvents(new ProjectRoleRevoked(projectId, customerId, alice, MEMBER));
    }

    @Test
    void aRoleOfADeactivatedPersonCanStillBeRevoked() {
        users.put(alice, new UserLookup.Entry(alice, true));

        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectEvents(new ProjectRoleRevoked(projectId, customerId, alice, ADMIN));
    }

    @Test
    void revokingARoleNeverGrantedIsRefused() {
        fixture.given(registered())
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void revokingARoleGrantedToSomeoneElseIsRefused() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, bob, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void revokingAnotherRoleThanTheOneGrantedIsRefused() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN))
                .when(new RevokeProjectRole(projectId, alice, MEMBER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void aRoleCannotBeRevokedInAnUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, Project.UNKNOWN_PROJECT));
    }

    @Test
    void aRoleCannotBeRevokedInADeletedProject() {
        fixture.given(registered(), new ProjectRoleGranted(projectId, customerId, alice, ADMIN),
                        new ProjectDeleted(projectId))
                .when(new RevokeProjectRole(projectId, alice, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, Project.PROJECT_DELETED));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private ProjectRegistered registered() {
        return new ProjectRegistered(projectId, customerId, "Apollo");
    }
}
