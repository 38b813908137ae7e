package io.roomservice.infra.appservice;

import io.roomservice.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff set up the homeserver link and watch it (moving rooms to a new one: HomeserverMigrationController). */
@RestController
@Tag(name = "admin", description = "Operations (staff)")
public class AppserviceAdminController {

    private final AppserviceSetup setup;
    private final AppserviceStatusQuery status;
    private final Diagnostics diagnostics;

    public AppserviceAdminController(AppserviceSetup setup, AppserviceStatusQuery status, Diagnostics diagnostics) {
        this.setup = setup;
        this.status = status;
        this.diagnostics = diagnostics;
    }

    @Operation(summary = "Rotate both appservice tokens, enable the appservice and get the registration YAML")
    @PostMapping({"/api/admin/matrix-appservice/setup", "/api/admin/matrix-appservice/setup/"})
    public SetupResult setUp(@RequestBody(required = false) SetupRequest request, @AuthenticationPrincipal Jwt jwt) {
        return setup.setUp(request, Caller.of(jwt).actor());
    }

    @Operation(summary = "The appservice's state, with token fingerprints (never tokens)")
    @GetMapping({"/api/admin/matrix-appservice/status", "/api/admin/matrix-appservice/status/"})
    public AppserviceStatus status() {
        return status.status();
    }

    @Operation(summary = "Live connectivity checks against the homeserver")
    @GetMapping({"/api/admin/matrix/diagnostics", "/api/admin/matrix/diagnostics/"})
    public Diagnostics.Report diagnostics() {
        return diagnostics.run();
    }
}
