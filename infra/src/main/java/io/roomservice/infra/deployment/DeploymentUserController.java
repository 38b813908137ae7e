package io.roomservice.infra.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.api.deployment.DeploymentUserAction;
import io.roomservice.api.deployment.DeploymentUserId;
import io.roomservice.api.deployment.RecordDeploymentUserCallback;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * Rasenmaeher's user lifecycle callbacks (only Rasenmaeher may call them: {@link RasenmaeherCallerFilter}).
 * Each is recorded as an event before it is answered; the homeserver work follows, retried on failure,
 * and waits for the catalogue when it is not ready yet.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "deployment", description = "The deployment's Space and fixed rooms")
public class DeploymentUserController {

    /** libpvarki's {@code OperationResultResponse}, which Rasenmaeher reads. */
    public record OperationResult(boolean success, String extra) {
    }

    /** The Rasenmaeher service; its actor in the audit trail is the host platform's. */
    private static final Caller RASENMAEHER = new Caller("rasenmaeher", false, false, false, true);

    private final Deployment deployment;
    private final Commands commands;

    public DeploymentUserController(Deployment deployment, Commands commands) {
        this.deployment = deployment;
        this.commands = commands;
    }

    @Operation(summary = "A device certificate was created: the user joins the Space and its three public rooms")
    @PostMapping({"/created", "/created/"})
    public OperationResult created(@Valid @RequestBody DeploymentUserRequest body, HttpServletRequest request) {
        return record(body, DeploymentUserAction.CREATED, request);
    }

    @Operation(summary = "A device certificate was revoked: the user is deactivated and erased")
    @PostMapping({"/revoked", "/revoked/"})
    public OperationResult revoked(@Valid @RequestBody DeploymentUserRequest body, HttpServletRequest request) {
        return record(body, DeploymentUserAction.REVOKED, request);
    }

    @Operation(summary = "The user became an admin: level 100 in the Space and public rooms, joined to admin")
    @PostMapping({"/promoted", "/promoted/"})
    public OperationResult promoted(@Valid @RequestBody DeploymentUserRequest body, HttpServletRequest request) {
        return record(body, DeploymentUserAction.PROMOTED, request);
    }

    @Operation(summary = "The user is no admin any more: their level entry removed, kicked from admin")
    @PostMapping({"/demoted", "/demoted/"})
    public OperationResult demoted(@Valid @RequestBody DeploymentUserRequest body, HttpServletRequest request) {
        return record(body, DeploymentUserAction.DEMOTED, request);
    }

    @Operation(summary = "The callsign changed: recorded; the Matrix account stays (a new callsign needs a new one)")
    @PutMapping({"/updated", "/updated/"})
    public OperationResult updated(@Valid @RequestBody DeploymentUserRequest body, HttpServletRequest request) {
        return record(body, DeploymentUserAction.UPDATED, request);
    }

    private OperationResult record(DeploymentUserRequest body, DeploymentUserAction action,
                                   HttpServletRequest request) {
        DeploymentName name = deployment.requireName();
        String localpart = body.callsign().strip().toLowerCase(Locale.ROOT);
        if (!Deployment.LOCALPART.matcher(localpart).matches()) {
            throw new BadRequestException("invalid-callsign", "callsign", "'" + body.callsign() + "' cannot be a "
                    + "Matrix user name: lowercased it must consist of a-z, 0-9 and ._=/+- only.");
        }
        String matrixUserId = "@" + localpart + ":" + deployment.domain();
        commands.send(new RecordDeploymentUserCallback(new DeploymentUserId(body.uuid()), name, body.callsign().strip(),
                matrixUserId, action), RASENMAEHER, request);
        return new OperationResult(true, action.wireName() + " recorded for " + matrixUserId);
    }
}
