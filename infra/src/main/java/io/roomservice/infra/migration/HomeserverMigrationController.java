package io.roomservice.infra.migration;

import io.roomservice.api.migration.MigrationId;
import io.roomservice.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Staff move the rooms to a new homeserver (/api/admin/**: staff only, SecurityConfiguration): a dry
 * run, then a migration they watch, pause, resume or cancel. docs/operations/homeserver-migration.md.
 */
@RestController
@Tag(name = "admin", description = "Operations (staff)")
public class HomeserverMigrationController {

    private static final String MIGRATIONS = "/api/admin/matrix/migrations/";

    private final HomeserverMigrations migrations;

    public HomeserverMigrationController(HomeserverMigrations migrations) {
        this.migrations = migrations;
    }

    @Operation(summary = "Dry run (200, records nothing) or start a migration of every active room (202)")
    @PostMapping({"/api/admin/matrix/migrations", MIGRATIONS})
    public ResponseEntity<Object> start(@RequestBody(required = false) StartMigrationRequest body,
                                        @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        if (body != null && body.dryRunOrDefault()) {
            return ResponseEntity.ok(migrations.plan());
        }
        var report = migrations.start(Caller.of(jwt), request);
        return ResponseEntity.accepted().location(URI.create(MIGRATIONS + report.migrationId() + "/"))
                .body(MigrationResponse.of(report, false));
    }

    @Operation(summary = "Every migration, newest first, with its progress")
    @GetMapping({"/api/admin/matrix/migrations", MIGRATIONS})
    public List<MigrationResponse> list() {
        return migrations.list().stream().map(report -> MigrationResponse.of(report, false)).toList();
    }

    @Operation(summary = "One migration: progress and each room's outcome")
    @GetMapping({MIGRATIONS + "{uuid}", MIGRATIONS + "{uuid}/"})
    public MigrationResponse get(@PathVariable UUID uuid) {
        return MigrationResponse.of(migrations.find(new MigrationId(uuid)), true);
    }

    @Operation(summary = "Start no further room until resumed; rooms in progress finish")
    @PostMapping({MIGRATIONS + "{uuid}/pause", MIGRATIONS + "{uuid}/pause/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public MigrationResponse pause(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                   HttpServletRequest request) {
        return MigrationResponse.of(migrations.pause(new MigrationId(uuid), Caller.of(jwt), request), false);
    }

    @Operation(summary = "Start rooms again after a pause")
    @PostMapping({MIGRATIONS + "{uuid}/resume", MIGRATIONS + "{uuid}/resume/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public MigrationResponse resume(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                    HttpServletRequest request) {
        return MigrationResponse.of(migrations.resume(new MigrationId(uuid), Caller.of(jwt), request), false);
    }

    @Operation(summary = "Start no further room, for good; rooms in progress finish and are recorded")
    @PostMapping({MIGRATIONS + "{uuid}/cancel", MIGRATIONS + "{uuid}/cancel/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public MigrationResponse cancel(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                    HttpServletRequest request) {
        return MigrationResponse.of(migrations.cancel(new MigrationId(uuid), Caller.of(jwt), request), false);
    }

    @Operation(summary = "Shortcut: start a migration of every active room (202 with its uuid and counts)")
    @PostMapping({"/api/admin/matrix/reprovision", "/api/admin/matrix/reprovision/"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReprovisionResponse reprovision(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        var report = migrations.start(Caller.of(jwt), request);
        return new ReprovisionResponse(report.migrationId().value(), report.progress().total(), report.accountsReset());
    }
}
