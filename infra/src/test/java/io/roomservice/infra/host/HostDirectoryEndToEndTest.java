package io.roomservice.infra.host;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host platform pushes people, customers and role grants. Every call may be repeated and then
 * records nothing new; every bad input gets a problem+json answer and records nothing at all.
 */
class HostDirectoryEndToEndTest extends EndToEndTest {

    // ---- people -----------------------------------------------------------------------------------

    @Test
    void aPersonIsRegisteredOnceAndUpdatedOnlyWhenTheirDetailsChange() {
        var user = UserId.random();
        var body = "{\"username\": \"alice\", \"full_name\": \"Alice Liddell\", \"email\": \"alice@example.org\"}";

        assertThat(putUser(user, body).status()).isEqualTo(202);
        assertThat(putUser(user, body).status()).isEqualTo(202);
        assertThat(eventsOf(user)).as("a repeat records nothing").isEqualTo(1);

        assertThat(putUser(user, "{\"username\": \"alice\", \"full_name\": \"Alice Hargreaves\", "
                + "\"email\": \"alice@example.org\"}").status()).isEqualTo(202);
        assertThat(eventsOf(user)).isEqualTo(2);
        assertThat(putUser(user, "{\"username\": \"alice\", \"full_name\": \"Alice Hargreaves\"}").status())
                .as("the e-mail address removed").isEqualTo(202);
        assertThat(putUser(user, "{\"username\": \"alice\", \"full_name\": \"Alice Hargreaves\", \"email\": \"\"}")
                .status()).as("an empty address is no address").isEqualTo(202);
        assertThat(putUser(user, "{\"username\": \" alice \", \"full_name\": \"Alice Hargreaves \", \"email\": null}")
                .status()).as("surrounding blanks are not part of a value").isEqualTo(202);
        assertThat(eventsOf(user)).isEqualTo(3);
        assertThat(typesOf(user)).containsExactly("UserRegistered", "UserUpdated", "UserUpdated");
    }

    @Test
    void aPersonIsDeactivatedAndReactivatedAndRepeatsRecordNothing() {
        var user = registerUser("bob");

        assertThat(api.delete("/api/host/users/" + user + "/", TestTokens.host()).status()).isEqualTo(202);
        assertThat(api.delete("/api/host/users/" + user, TestTokens.host()).status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select deactivated from cmd_user_lookup where user_id = ?", Boolean.class,
                user.value())).isTrue();
        assertThat(api.post("/api/host/users/" + user + "/reactivate/", TestTokens.host(), null).status()).isEqualTo(202);
        assertThat(api.post("/api/host/users/" + user + "/reactivate", TestTokens.host(), null).status()).isEqualTo(202);

        assertThat(typesOf(user)).containsExactly("UserRegistered", "UserDeactivated", "UserReactivated");
        assertThat(jdbc.queryForObject("select deactivated from cmd_user_lookup where user_id = ?", Boolean.class,
                user.value())).isFalse();
    }

    @Test
    void anUnknownPersonCannotBeDeactivatedOrReactivated() {
        var user = UserId.random();
        expectProblem(api.delete("/api/host/users/" + user + "/", TestTokens.host()), 404, "unknown-user");
        expectProblem(api.post("/api/host/users/" + user + "/reactivate/", TestTokens.host(), null), 404,
                "unknown-user");
        assertThat(eventsOf(user)).isZero();
    }

    @Test
    void badPersonDetailsAreRefusedNamingTheFieldAndRecordNothing() {
        var user = UserId.random();

        expectField(putUser(user, "{\"full_name\": \"No Username\"}"), "invalid-field", "username");
        expectField(putUser(user, "{\"username\": \"  \", \"full_name\": \"Blank Username\"}"), "invalid-field",
                "username");
        expectField(putUser(user, "{\"username\": \"" + "u".repeat(151) + "\", \"full_name\": \"Long\"}"),
                "invalid-field", "username");
        expectField(putUser(user, "{\"username\": \"carol\"}"), "invalid-field", "full_name");
        expectField(putUser(user, "{\"username\": \"carol\", \"full_name\": \"" + "C".repeat(256) + "\"}"),
                "invalid-field", "full_name");
        expectField(putUser(user, "{\"username\": \"carol\", \"full_name\": \"Carol\", \"email\": \"carol\"}"),
                "invalid-field", "email");
        expectField(putUser(user, "{\"username\": \"carol\", \"full_name\": \"Carol\", \"email\": \"c@"
                + "e".repeat(254) + "\"}"), "invalid-field", "email");
        expectField(putUser(user, "{\"username\": {\"first\": \"carol\"}, \"full_name\": \"Carol\"}"),
                "malformed-body", "username");
        expectField(putUser(user, "{\"username\": \"carol\", \"full_name\": [\"Carol\"]}"), "malformed-body",
                "full_name");
        expectField(putUser(user, "{\"username\": \"carol\", \"full_name\": \"Carol\", \"email\": 42}"),
                "malformed-body", "email");
        expectProblem(putUser(user, "{\"username\": \"carol\", \"full_name\": \"Carol\""), 400, "malformed-body");
        expectProblem(putUser(user, ""), 400, "malformed-body");
        // a username that can only be written as a Matrix id of more than 255 bytes
        expectField(putUser(user, "{\"username\": \"" + "\u00e9".repeat(100) + "\", \"full_name\": \"Carol\"}"),
                "no-matrix-id", "username");
        expectProblem(api.put("/api/host/users/not-a-uuid/", TestTokens.host(),
                "{\"username\": \"carol\", \"full_name\": \"Carol\"}"), 400, "invalid-parameter");

        assertThat(eventsOf(user)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cmd_user_lookup where user_id = ?", Long.class,
                user.value())).isZero();
    }

    @Test
    void onlyTheHostMayPushPeople() {
        var user = UserId.random();
        expectProblem(api.put("/api/host/users/" + user + "/", TestTokens.staff(),
                "{\"username\": \"dave\", \"full_name\": \"Dave\"}"), 403, "forbidden");
        expectProblem(api.put("/api/host/users/" + user + "/", null,
                "{\"username\": \"dave\", \"full_name\": \"Dave\"}"), 401, "unauthenticated");
        assertThat(eventsOf(user)).isZero();
    }

    // ---- customers --------------------------------------------------------------------------------

    @Test
    void aCustomerIsRegisteredOnceAndRenamedOnlyWhenItsNameChanges() {
        var customer = CustomerId.random();
        var path = "/api/host/customers/" + customer + "/";

        assertThat(api.put(path, TestTokens.host(), "{\"name\": \"Acme\"}").status()).isEqualTo(202);
        assertThat(api.put(path, TestTokens.host(), "{\"name\": \"Acme\"}").status()).isEqualTo(202);
        assertThat(api.put(path, TestTokens.host(), "{\"name\": \"Acme Corporation\"}").status()).isEqualTo(202);
        assertThat(api.put(path, TestTokens.host(), "{\"name\": \" Acme Corporation \"}").status()).isEqualTo(202);

        assertThat(typesOf(customer)).containsExactly("CustomerRegistered", "CustomerRenamed");
    }

    @Test
    void badCustomerDetailsAreRefusedAndRecordNothing() {
        var customer = CustomerId.random();
        var path = "/api/host/customers/" + customer + "/";

        expectField(api.put(path, TestTokens.host(), "{}"), "invalid-field", "name");
        expectField(api.put(path, TestTokens.host(), "{\"name\": \" \"}"), "invalid-field", "name");
        expectField(api.put(path, TestTokens.host(), "{\"name\": \"" + "A".repeat(256) + "\"}"), "invalid-field",
                "name");
        expectField(api.put(path, TestTokens.host(), "{\"name\": 42}"), "malformed-body", "name");
        expectProblem(api.put(path, TestTokens.host(), "{\"name\": "), 400, "malformed-body");

        assertThat(eventsOf(customer)).isZero();
    }

    // ---- project roles ----------------------------------------------------------------------------

    @Test
    void aProjectRoleIsGrantedOnceAndRevokedOnceAndRepeatsSayNothingChanged() {
        var project = registerProject("Roles");
        var user = registerUser("erin");

        var granted = putProjectRole(project, user, "admin");
        assertThat(granted.status()).as(granted.body()).isEqualTo(202);
        assertThat(granted.json().get("changed").asBoolean()).isTrue();
        var again = putProjectRole(project, user, "admin");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(putProjectRole(project, user, "member").status()).as("a second role").isEqualTo(202);

        var revoked = deleteProjectRole(project, user, "admin");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(202);
        assertThat(revoked.json().get("changed").asBoolean()).isTrue();
        var revokedAgain = deleteProjectRole(project, user, "admin");
        assertThat(revokedAgain.status()).isEqualTo(200);
        assertThat(revokedAgain.json().get("changed").asBoolean()).isFalse();

        assertThat(typesOf(project)).containsExactly("ProjectRegistered", "ProjectRoleGranted", "ProjectRoleGranted",
                "ProjectRoleRevoked");
    }

    @Test
    void everyBadProjectRoleRequestIsRefusedAndRecordsNothing() {
        var customer = CustomerId.random();
        var project = registerProject("Refusals", customer);
        var user = registerUser("frank");
        var deactivated = registerUser("grace");
        deactivateUser(deactivated);
        var removed = registerProject("Removed", customer);
        assertThat(api.delete("/api/host/projects/" + removed + "/", TestTokens.host()).status()).isEqualTo(202);
        long before = lastGlobalIndex();

        expectProblem(putProjectRole(project, UserId.random(), "admin"), 404, "unknown-user");
        expectProblem(putProjectRole(ProjectId.random(), user, "admin"), 404, "unknown-project");
        expectProblem(putProjectRole(project, deactivated, "admin"), 409, "user-deactivated");
        expectProblem(putProjectRole(removed, user, "admin"), 409, "project-deleted");
        expectField(putProjectRole(project, user, "owner"), "unknown-role", "role");
        expectField(putProjectRole(project, user, "ADMIN"), "unknown-role", "role");
        expectProblem(putProjectRole(project, "not-a-uuid", "admin"), 400, "invalid-parameter");
        expectProblem(deleteProjectRole(project, user, "admin"), 404, "role-not-granted");
        expectProblem(deleteProjectRole(project, UserId.random(), "admin"), 404, "role-not-granted");
        expectProblem(deleteProjectRole(ProjectId.random(), user, "admin"), 404, "unknown-project");
        expectField(deleteProjectRole(project, user, "boss"), "unknown-role", "role");
        expectProblem(deleteProjectRole(removed, user, "admin"), 409, "project-deleted");
        expectProblem(api.put("/api/host/projects/" + project + "/roles/" + user + "/admin/", TestTokens.staff(), ""),
                403, "forbidden");

        assertThat(lastGlobalIndex()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aRoleHeldByAPersonWhoWasDeactivatedCanStillBeRevoked() {
        var project = registerProject("Leaver");
        var user = registerUser("heidi");
        grantProjectRole(project, user, "manager");
        deactivateUser(user);

        revokeProjectRole(project, user, "manager");
    }

    // ---- customer roles ---------------------------------------------------------------------------

    @Test
    void aCustomerRoleIsGrantedOnceAndRevokedOnceAndRepeatsSayNothingChanged() {
        var customer = registerCustomer("Roles Inc");
        var user = registerUser("ivan");

        assertThat(putCustomerRole(customer, user, "owner").status()).isEqualTo(202);
        var again = putCustomerRole(customer, user, "owner");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(putCustomerRole(customer, user, "service_manager").status()).isEqualTo(202);
        assertThat(deleteCustomerRole(customer, user, "owner").status()).isEqualTo(202);
        assertThat(deleteCustomerRole(customer, user, "owner").status()).isEqualTo(200);
        assertThat(putCustomerRole(customer, user, "owner").status()).as("granted again").isEqualTo(202);

        assertThat(typesOf(customer)).containsExactly("CustomerRegistered", "CustomerRoleGranted",
                "CustomerRoleGranted", "CustomerRoleRevoked", "CustomerRoleGranted");
    }

    @Test
    void everyBadCustomerRoleRequestIsRefusedAndRecordsNothing() {
        var customer = registerCustomer("Refusals Inc");
        var user = registerUser("judy");
        var deactivated = registerUser("mallory");
        deactivateUser(deactivated);
        long before = lastGlobalIndex();

        expectProblem(putCustomerRole(customer, UserId.random(), "owner"), 404, "unknown-user");
        expectProblem(putCustomerRole(CustomerId.random(), user, "owner"), 404, "unknown-customer");
        expectProblem(putCustomerRole(customer, deactivated, "owner"), 409, "user-deactivated");
        expectField(putCustomerRole(customer, user, "admin"), "unknown-role", "role");
        expectField(putCustomerRole(customer, user, "service-manager"), "unknown-role", "role");
        expectProblem(deleteCustomerRole(customer, user, "owner"), 404, "role-not-granted");
        expectProblem(deleteCustomerRole(CustomerId.random(), user, "owner"), 404, "unknown-customer");
        expectProblem(putCustomerRole("not-a-uuid", user, "owner"), 400, "invalid-parameter");

        assertThat(lastGlobalIndex()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void grantsTheHostRepeatsAtOnceRecordTheRoleOnce() throws Exception {
        var project = registerProject("Racing grants");
        var user = registerUser("niaj");
        var pool = Executors.newFixedThreadPool(6);
        try {
            var attempts = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> putProjectRole(project, user, "member").status());
            }
            var statuses = new ArrayList<Integer>();
            for (var outcome : pool.invokeAll(attempts)) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 202).allMatch(s -> s == 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(typesOf(project)).containsExactly("ProjectRegistered", "ProjectRoleGranted");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void expectField(Api.Response response, String code, String field) {
        expectProblem(response, 400, code);
        assertThat(response.json().get("field").asString()).as(response.body()).isEqualTo(field);
    }

    /** The simple type names of an aggregate's events, in order. */
    private List<String> typesOf(Object aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, aggregateId.toString())
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

}
