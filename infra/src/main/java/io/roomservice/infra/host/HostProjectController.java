package io.roomservice.infra.host;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.DeleteProject;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.RegisterProject;
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

import java.util.UUID;

/**
 * The host platform tells roomservice about its projects. Every call is idempotent: the host may
 * repeat it after a timeout, and a repeat records nothing new. 202 means it is recorded.
 */
@RestController
@RequestMapping("/api/host/projects")
@Tag(name = "host", description = "Calls of the host platform's service account")
public class HostProjectController {

    private final Commands commands;

    public HostProjectController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register a project, or rename it (idempotent)")
    @PutMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> register(@PathVariable UUID uuid, @Valid @RequestBody ProjectRequest body,
                                         @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        commands.send(new RegisterProject(new ProjectId(uuid), new CustomerId(body.customer()), body.name().strip()),
                Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "The project was deleted on the host platform (idempotent)")
    @DeleteMapping({"/{uuid}", "/{uuid}/"})
    public ResponseEntity<Void> delete(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                       HttpServletRequest request) {
        commands.send(new DeleteProject(new ProjectId(uuid)), Caller.of(jwt), request);
        return ResponseEntity.accepted().build();
    }
}
