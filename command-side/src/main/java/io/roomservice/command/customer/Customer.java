package io.roomservice.command.customer;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.customer.CustomerRegistered;
import io.roomservice.api.customer.CustomerRenamed;
import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.customer.GrantCustomerRole;
import io.roomservice.api.customer.RegisterCustomer;
import io.roomservice.api.customer.RevokeCustomerRole;
import io.roomservice.api.project.CustomerId;
import io.roomservice.command.user.RoleGrants;
import io.roomservice.command.user.UserLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer (organisation) of the host platform: its name and the roles it granted to people. The
 * host may repeat any call, so a repeat that changes nothing records nothing.
 * <p>
 * Grants and revocations answer whether they changed anything ({@code true}) or found it already so
 * ({@code false}), so that the host API can tell the host. They create an instance when the customer
 * is unknown only to refuse with {@code unknown-customer}; a refused command stores nothing.
 */
@Aggregate
public class Customer {

    static final int MAX_NAME = 255;

    public static final String UNKNOWN_CUSTOMER = "unknown-customer";
    public static final String INVALID_NAME = "invalid-name";

    @AggregateIdentifier
    private CustomerId customerId;
    private String name;
    private final RoleGrants<CustomerRole> roles = new RoleGrants<>();

    protected Customer() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterCustomer command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME) {
            throw new CommandRejectedException(RejectionReason.INVALID, INVALID_NAME,
                    "A customer's name must not be blank and has at most " + MAX_NAME + " characters.");
        }
        if (customerId == null) {
            apply(new CustomerRegistered(command.customerId(), command.name()));
        } else if (!name.equals(command.name())) {
            apply(new CustomerRenamed(customerId, command.name()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(GrantCustomerRole command, UserLookup users) {
        RoleGrants.requireRole(command.role());
        requireKnown(command.customerId());
        users.requireActive(command.userId());
        if (roles.holds(command.userId(), command.role())) {
            return false;
        }
        apply(new CustomerRoleGranted(customerId, command.userId(), command.role()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RevokeCustomerRole command) {
        RoleGrants.requireRole(command.role());
        requireKnown(command.customerId());
        roles.requireEverGranted(command.userId(), command.role(), "customer " + customerId);
        if (!roles.holds(command.userId(), command.role())) {
            return false;
        }
        apply(new CustomerRoleRevoked(customerId, command.userId(), command.role()));
        return true;
    }

    private void requireKnown(CustomerId target) {
        if (customerId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, UNKNOWN_CUSTOMER,
                    "Customer " + target + " is not known to the directory.");
        }
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(CustomerRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(CustomerRoleGranted event) {
        roles.granted(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(CustomerRoleRevoked event) {
        roles.revoked(event.userId(), event.role());
    }
}
