package io.roomservice.infra.host;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.GrantCustomerRole;
import io.roomservice.api.customer.RegisterCustomer;
import io.roomservice.api.customer.RevokeCustomerRole;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The host platform tells roomservice about its customers and the roles they grant. Every call is
 * idempotent; grants and revocations say whether they changed anything (see {@link RoleChange}).
 */
@RestController
@RequestMapping("/api/host/customers")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostCustomerController {

    private static final String KNOWN_ROLES = Arrays.stream(CustomerRole.values()).map(CustomerRole::wireName)
            .collect(Collectors.joining(", "));

    private final Commands commands;

    public HostCustomerController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register a customer, or rename it (idempotent)")
    @PutMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> register(@PathVariable UUID uuid, @Valid @RequestBody CustomerRequest body,
                                         @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        commands.send(new RegisterCustomer(new CustomerId(uuid), body.name().strip()), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Grant a person a role in the customer: owner, service_manager, support (idempotent)")
    @PutMapping({"/{uuid}/roles/{user}/{role}", "/{uuid}/roles/{user}/{role}/"})
    public ResponseEntity<RoleChange> grant(@PathVariable UUID uuid, @PathVariable UUID user, @PathVariable String role,
                                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var command = new GrantCustomerRole(new CustomerId(uuid), new UserId(user), roleNamed(role));
        return RoleChange.answer(commands.send(command, Caller.of(jwt), request));
    }

    @Operation(summary = "Revoke a person's role in the customer (idempotent; 404 if never granted)")
    @DeleteMapping({"/{uuid}/roles/{user}/{role}", "/{uuid}/roles/{user}/{role}/"})
    public ResponseEntity<RoleChange> revoke(@PathVariable UUID uuid, @PathVariable UUID user, @PathVariable String role,
                                             @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var command = new RevokeCustomerRole(new CustomerId(uuid), new UserId(user), roleNamed(role));
        return RoleChange.answer(commands.send(command, Caller.of(jwt), request));
    }

    private static CustomerRole roleNamed(String name) {
        return RoleChange.role(CustomerRole.fromWireName(name), name, KNOWN_ROLES);
    }
}
