package io.roomservice.infra.host;

import io.roomservice.api.profile.MatrixUserIdFormat;
import io.roomservice.api.user.DeactivateUser;
import io.roomservice.api.user.ErasePersonalData;
import io.roomservice.api.user.ReactivateUser;
import io.roomservice.api.user.RegisterUser;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixLink;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The host platform tells roomservice about its people. Every call is idempotent: a repeat records
 * nothing new. 202 means it is recorded (or was already so).
 */
@RestController
@RequestMapping("/api/host/users")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostUserController {

    private final Commands commands;
    private final MatrixLink link;

    public HostUserController(Commands commands, MatrixLink link) {
        this.commands = commands;
        this.link = link;
    }

    @Operation(summary = "Register a person, or update their details (idempotent)")
    @PutMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> register(@PathVariable UUID uuid, @Valid @RequestBody UserRequest body,
                                         @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        requireMatrixId(uuid, body);
        commands.send(new RegisterUser(new UserId(uuid), body.usernameStripped(), body.fullNameStripped(),
                body.emailOrNull()), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Deactivate a person: their access ends (idempotent)")
    @DeleteMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> deactivate(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                           HttpServletRequest request) {
        commands.send(new DeactivateUser(new UserId(uuid)), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Give a deactivated person their access back (idempotent)")
    @PostMapping({"/{uuid}/reactivate", "/{uuid}/reactivate/"})
    public ResponseEntity<Void> reactivate(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                           HttpServletRequest request) {
        commands.send(new ReactivateUser(new UserId(uuid)), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Erase a person's personal data for good (their key is deleted); idempotent")
    @PostMapping({"/{uuid}/erase", "/{uuid}/erase/"})
    public ResponseEntity<Void> erase(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                      HttpServletRequest request) {
        commands.send(new ErasePersonalData(new UserId(uuid)), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    /**
     * A person roomservice could never give a Matrix account is refused now, not at their first room:
     * the id made by the configured format (e.g. from the username) must fit the Matrix grammar's
     * 255 bytes, and the e-mail format needs an e-mail address.
     */
    private void requireMatrixId(UUID uuid, UserRequest body) {
        MatrixProperties p = link.current();
        String domain = p.domain().isEmpty() ? "localhost" : p.domain();
        boolean formsId = p.userIdFormatValue().userId(p.aliasPrefix() + "-", domain, uuid, body.usernameStripped(),
                body.emailOrNull()).isPresent();
        if (!formsId) {
            throw new BadRequestException("no-matrix-id", p.userIdFormatValue() == MatrixUserIdFormat.EMAIL_LOCAL
                    ? "email" : "username", "This person's details cannot form a Matrix user id with the configured "
                    + "format (" + p.userIdFormat() + "): at most 255 bytes, and an e-mail address for email_local.");
        }
    }
}
