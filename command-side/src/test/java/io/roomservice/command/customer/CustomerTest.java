package io.roomservice.command.customer;

import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.customer.CustomerRegistered;
import io.roomservice.api.customer.CustomerRenamed;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.customer.GrantCustomerRole;
import io.roomservice.api.customer.RegisterCustomer;
import io.roomservice.api.customer.RevokeCustomerRole;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.UserId;
import io.roomservice.command.user.RoleGrants;
import io.roomservice.command.user.UserLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.roomservice.api.customer.CustomerRole.OWNER;
import static io.roomservice.api.customer.CustomerRole.SUPPORT;
import static io.roomservice.command.Refusals.rejectedAs;

/**
 * Customers and the roles they grant. The host retries, so a grant of a role held or a revocation of a
 * role already revoked records nothing; a revocation of a role never granted is refused.
 */
class CustomerTest {

    private final CustomerId customerId = CustomerId.random();
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();
    private final Map<UserId, UserLookup.Entry> users = new HashMap<>();

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource((UserLookup) id -> Optional.ofNullable(users.get(id)));
        users.put(alice, new UserLookup.Entry(alice, false));
        users.put(bob, new UserLookup.Entry(bob, false));
    }

    // ---- RegisterCustomer -------------------------------------------------------------------------

    @Test
    void anUnknownCustomerIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(customerId, "Acme"))
                .expectEvents(new CustomerRegistered(customerId, "Acme"));
    }

    @Test
    void registeringTheSameCustomerAgainChangesNothing() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new RegisterCustomer(customerId, "Acme"))
                .expectNoEvents();
    }

    @Test
    void registeringACustomerAgainUnderAnotherNameRenamesIt() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new RegisterCustomer(customerId, "Acme Corporation"))
                .expectEvents(new CustomerRenamed(customerId, "Acme Corporation"));
    }

    @Test
    void theLatestNameIsWhatARepeatIsComparedWith() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRenamed(customerId, "Acme Corporation"))
                .when(new RegisterCustomer(customerId, "Acme Corporation"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aCustomerWithoutNameIsRefused(String name) {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(customerId, name))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, Customer.INVALID_NAME));
    }

    @Test
    void aNameLongerThan255CharactersIsRefused() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new RegisterCustomer(customerId, "A".repeat(256)))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, Customer.INVALID_NAME));
    }

    // ---- GrantCustomerRole ------------------------------------------------------------------------

    @Test
    void aKnownActivePersonIsGrantedARole() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new GrantCustomerRole(customerId, alice, OWNER))
                .expectEvents(new CustomerRoleGranted(customerId, alice, OWNER))
                .expectResultMessagePayload(true);
    }

    @Test
    void grantingARoleThePersonHoldsChangesNothing() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER))
                .when(new GrantCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aPersonMayHoldSeveralRolesInOneCustomer() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER))
                .when(new GrantCustomerRole(customerId, alice, SUPPORT))
                .expectEvents(new CustomerRoleGranted(customerId, alice, SUPPORT));
    }

    @Test
    void aRoleRevokedBeforeCanBeGrantedAgain() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER),
                        new CustomerRoleRevoked(customerId, alice, OWNER))
                .when(new GrantCustomerRole(customerId, alice, OWNER))
                .expectEvents(new CustomerRoleGranted(customerId, alice, OWNER));
    }

    @Test
    void aRoleCannotBeGrantedToAPersonTheDirectoryDoesNotKnow() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new GrantCustomerRole(customerId, UserId.random(), OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER));
    }

    @Test
    void aRoleCannotBeGrantedToADeactivatedPerson() {
        users.put(alice, new UserLookup.Entry(alice, true));

        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new GrantCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, UserLookup.USER_DEACTIVATED));
    }

    @Test
    void aRoleCannotBeGrantedInAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new GrantCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, Customer.UNKNOWN_CUSTOMER));
    }

    @Test
    void aGrantWithoutRoleIsRefused() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new GrantCustomerRole(customerId, alice, null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, RoleGrants.UNKNOWN_ROLE));
    }

    // ---- RevokeCustomerRole -----------------------------------------------------------------------

    @Test
    void aHeldRoleIsRevoked() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER))
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectEvents(new CustomerRoleRevoked(customerId, alice, OWNER))
                .expectResultMessagePayload(true);
    }

    @Test
    void revokingARoleRevokedBeforeChangesNothing() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER),
                        new CustomerRoleRevoked(customerId, alice, OWNER))
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aRoleOfADeactivatedPersonCanStillBeRevoked() {
        users.put(alice, new UserLookup.Entry(alice, true));

        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER))
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectEvents(new CustomerRoleRevoked(customerId, alice, OWNER));
    }

    @Test
    void revokingARoleNeverGrantedIsRefused() {
        fixture.given(new CustomerRegistered(customerId, "Acme"))
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void revokingARoleGrantedToSomeoneElseIsRefused() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, bob, OWNER))
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void revokingAnotherRoleThanTheOneGrantedIsRefused() {
        fixture.given(new CustomerRegistered(customerId, "Acme"), new CustomerRoleGranted(customerId, alice, OWNER))
                .when(new RevokeCustomerRole(customerId, alice, SUPPORT))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, RoleGrants.ROLE_NOT_GRANTED));
    }

    @Test
    void aRoleCannotBeRevokedInAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new RevokeCustomerRole(customerId, alice, OWNER))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, Customer.UNKNOWN_CUSTOMER));
    }
}
