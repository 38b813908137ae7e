package io.roomservice.infra.directory;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.user.ErasePersonalData;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory read model answers who belongs to a project, what a person may reach and who a person
 * is, tells how far it has come, forgets erased personal data, and rebuilds to the same rows.
 */
class DirectoryEndToEndTest extends EndToEndTest {

    @Autowired
    QueryGateway queries;

    @Autowired
    CommandGateway commands;

    @Test
    void aProjectsPeopleAreThoseWithARoleInItOrInItsCustomerEachWithBothSetsOfRoles() {
        var customer = registerCustomer("People Inc");
        var project = registerProject("People", customer);
        var other = registerProject("Elsewhere", customer);
        var admin = registerUser("p-admin");
        var owner = registerUser("p-owner");
        var both = registerUser("p-both");
        var outsider = registerUser("p-outsider");
        var leaver = registerUser("p-leaver");
        var former = registerUser("p-former");
        grantProjectRole(project, admin, "admin");
        grantProjectRole(project, admin, "member");
        grantCustomerRole(customer, owner, "owner");
        grantProjectRole(project, both, "member");
        grantCustomerRole(customer, both, "support");
        grantProjectRole(other, outsider, "manager");
        grantProjectRole(project, leaver, "member");
        deactivateUser(leaver);
        grantProjectRole(project, former, "manager");
        revokeProjectRole(project, former, "manager");

        var people = awaitPeople(project, lastGlobalIndex());

        assertThat(people.projectId()).isEqualTo(project);
        assertThat(people.customerId()).isEqualTo(customer);
        assertThat(people.people()).containsExactly(
                new ProjectPeople.Person(admin, "p-admin", "Full p-admin", true,
                        Set.of(ProjectRole.ADMIN, ProjectRole.MEMBER), Set.of()),
                new ProjectPeople.Person(both, "p-both", "Full p-both", true,
                        Set.of(ProjectRole.MEMBER), Set.of(CustomerRole.SUPPORT)),
                new ProjectPeople.Person(leaver, "p-leaver", "Full p-leaver", false,
                        Set.of(ProjectRole.MEMBER), Set.of()),
                new ProjectPeople.Person(owner, "p-owner", "Full p-owner", true,
                        Set.of(), Set.of(CustomerRole.OWNER)));
    }

    @Test
    void anUnknownProjectHasNoPeople() {
        assertThat(findPeople(ProjectId.random())).isNull();
    }

    @Test
    void onceCaughtUpThePositionReachesTheLastEvent() {
        var project = registerProject("Position");
        var user = registerUser("position");
        grantProjectRole(project, user, "member");
        long last = lastGlobalIndex();

        var people = awaitPeople(project, last);

        assertThat(people.position()).isGreaterThanOrEqualTo(last);
        assertThat(people.people()).extracting(ProjectPeople.Person::userId).containsExactly(user);
        assertThat(findPeople(project).position()).as("never beyond the newest event")
                .isLessThanOrEqualTo(lastGlobalIndex());
    }

    @Test
    void aPersonsReachIsTheLiveProjectsWhereTheyHoldARoleAndTheCustomersTheyOwn() {
        var customer = registerCustomer("Reach Inc");
        var project = registerProject("Reach", customer);
        var removed = registerProject("Reach removed", customer);
        var member = registerUser("r-member");
        var owner = registerUser("r-owner");
        var deactivated = registerUser("r-deactivated");
        grantProjectRole(project, member, "member");
        grantProjectRole(removed, member, "admin");
        grantCustomerRole(customer, member, "support");
        grantCustomerRole(customer, owner, "owner");
        grantProjectRole(project, deactivated, "member");
        assertThat(api.delete("/api/host/projects/" + removed + "/", TestTokens.host()).status()).isEqualTo(202);
        deactivateUser(deactivated);
        awaitPeople(project, lastGlobalIndex());

        var memberAccess = access(member);
        assertThat(memberAccess.known()).isTrue();
        assertThat(memberAccess.active()).isTrue();
        assertThat(memberAccess.projects()).containsExactly(project);
        assertThat(memberAccess.ownedCustomers()).isEmpty();
        assertThat(memberAccess.hasRoleIn(project, customer)).isTrue();
        assertThat(memberAccess.owns(customer)).isFalse();

        var ownerAccess = access(owner);
        assertThat(ownerAccess.projects()).isEmpty();
        assertThat(ownerAccess.ownedCustomers()).containsExactly(customer);
        assertThat(ownerAccess.hasRoleIn(project, customer)).isTrue();
        assertThat(ownerAccess.hasRoleIn(ProjectId.random(), CustomerId.random())).isFalse();

        assertThat(access(deactivated)).isEqualTo(new UserAccess(deactivated, true, false, Set.of(), Set.of()));
        var stranger = UserId.random();
        assertThat(access(stranger)).isEqualTo(new UserAccess(stranger, false, false, Set.of(), Set.of()));
    }

    @Test
    void aPersonIsFoundWithTheirCurrentDetails() {
        var user = UserId.random();
        putUser(user, "{\"username\": \"d-user\", \"full_name\": \"Dee User\", \"email\": \"dee@example.org\"}");
        putUser(user, "{\"username\": \"d-user\", \"full_name\": \"Dee Renamed\", \"email\": \"dee@example.org\"}");
        deactivateUser(user);

        awaitUser(user, found -> found != null && !found.active());

        assertThat(findUser(user)).isEqualTo(new DirectoryUser(user, "d-user", "Dee Renamed", "dee@example.org", false));
        assertThat(findUser(UserId.random())).isNull();
    }

    @Test
    void erasedPersonalDataIsGoneFromTheDirectoryAndIsNotRecordedAgain() {
        var user = UserId.random();
        putUser(user, "{\"username\": \"e-user\", \"full_name\": \"Eve Erased\", \"email\": \"eve@example.org\"}");
        var project = registerProject("Erasure");
        grantProjectRole(project, user, "member");

        var erased = api.post("/api/host/users/" + user + "/erase/", TestTokens.host(), null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(api.post("/api/host/users/" + user + "/erase/", TestTokens.host(), null).status()).isEqualTo(202);

        awaitUser(user, found -> found != null && found.fullName() == null);
        assertThat(findUser(user)).isEqualTo(new DirectoryUser(user, "e-user", null, null, true));
        assertThat(jdbc.queryForMap("select full_name, email, erased from directory_users where user_id = ?",
                user.value())).containsEntry("full_name", null).containsEntry("email", null)
                .containsEntry("erased", true);
        assertThat(awaitPeople(project, lastGlobalIndex()).people()).singleElement()
                .satisfies(person -> assertThat(person.fullName()).isNull());
        expectProblem(putUser(user, "{\"username\": \"e-user\", \"full_name\": \"Eve Again\"}"), 409,
                "personal-data-erased");
        // the person's audit trail is complete and shows the data as erased
        var trail = api.get("/api/audit/users/" + user + "/events", TestTokens.auditor());
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("UserRegistered").contains("PersonalDataErased").contains("[erased]")
                .doesNotContain("Eve Erased").doesNotContain("eve@example.org");
        assertThat(eventsOf(user)).isEqualTo(countOf(user, "PersonalDataErased") + 1);
    }

    private long countOf(UserId user, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Long.class, user.toString(), "%." + type);
    }

    @Test
    void theDirectoryRebuiltWhileTheServiceRunsEndsIdenticalToTheLiveOne() {
        var customer = registerCustomer("Rebuild Inc");
        var project = registerProject("Rebuild", customer);
        var alice = registerUser("b-alice");
        var bob = registerUser("b-bob");
        var erased = registerUser("b-erased");
        grantProjectRole(project, alice, "admin");
        grantCustomerRole(customer, bob, "owner");
        grantProjectRole(project, bob, "member");
        revokeProjectRole(project, bob, "member");
        deactivateUser(alice);
        commands.sendAndWait(new ErasePersonalData(erased));
        assertThat(api.delete("/api/host/projects/" + registerProject("Rebuild gone", customer) + "/",
                TestTokens.host()).status()).isEqualTo(202);
        long last = lastGlobalIndex();
        awaitPeople(project, last);
        var live = snapshot();
        // damage the read model: only a replay from the event store can repair it
        jdbc.update("update directory_users set full_name = 'tampered' where user_id = ?", erased.value());
        jdbc.update("delete from directory_project_roles where project_id = ?", project.value());
        jdbc.update("update directory_customers set name = 'tampered' where customer_id = ?", customer.value());
        assertThat(snapshot()).isNotEqualTo(live);

        var rebuild = api.post("/api/admin/projections/directory/rebuild", TestTokens.staff(), null);

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
        assertThat(awaitPeople(project, last).position()).isGreaterThanOrEqualTo(last);

        // rebuilt blue/green, the live tables are what a replay makes: a drift check finds nothing
        var check = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.post("/api/admin/projections/directory/drift-check", TestTokens.staff(), null),
                        r -> r.status() != 409); // the rebuild cleans up its shadow after the switch
        assertThat(check.status()).as(check.body()).isEqualTo(202);
        var report = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/projections/directory/drift-check", TestTokens.staff()).json(),
                        r -> r.get("check").get("id").asString().equals(check.json().get("id").asString())
                                && !r.get("check").get("running").asBoolean());
        assertThat(report.get("check").get("state").asString()).as(report.toString()).isEqualTo("compared");
        assertThat(report.get("check").get("differences").asLong()).as(report.toString()).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private ProjectPeople findPeople(ProjectId project) {
        return queries.query(new FindProjectPeople(project), ResponseTypes.instanceOf(ProjectPeople.class)).join();
    }

    /** The project's people once the directory has applied every event up to {@code position}. */
    private ProjectPeople awaitPeople(ProjectId project, long position) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> findPeople(project), people -> people != null && people.position() >= position);
    }

    private UserAccess access(UserId user) {
        return queries.query(new FindUserAccess(user), ResponseTypes.instanceOf(UserAccess.class)).join();
    }

    private DirectoryUser findUser(UserId user) {
        return queries.query(new FindDirectoryUser(user), ResponseTypes.instanceOf(DirectoryUser.class)).join();
    }

    private void awaitUser(UserId user, Predicate<DirectoryUser> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> findUser(user), condition::test);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "users", jdbc.queryForList("select * from directory_users order by user_id"),
                "customers", jdbc.queryForList("select * from directory_customers order by customer_id"),
                "projects", jdbc.queryForList("select * from directory_projects order by project_id"),
                "project_roles", jdbc.queryForList("select * from directory_project_roles order by project_id, user_id, role"),
                "customer_roles", jdbc.queryForList(
                        "select * from directory_customer_roles order by customer_id, user_id, role"));
    }
}
