package io.roomservice.infra.admin;

import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.ConflictException;
import io.roomservice.infra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Operators watch the projections, rebuild a read model blue/green while the service runs, and check
 * a read model for drift against a rebuilt one.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "admin", description = "Operations (staff)")
public class ProjectionAdminController {

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;

    public ProjectionAdminController(Projections projections, ProjectionRebuilds rebuilds) {
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Every event processor with its position, lag, and the last rebuild and drift check")
    @GetMapping({"", "/"})
    public List<Projections.ProcessorStatus> list() {
        return projections.statuses();
    }

    @Operation(summary = "Rebuild a read model beside the live one from the event store and switch to it once it "
            + "has caught up (blue/green), while the service runs")
    @PostMapping({"/{name}/rebuild", "/{name}/rebuild/"})
    public ResponseEntity<Projections.ProcessorStatus> rebuild(@PathVariable String name) {
        requireRebuildable(name);
        start(name, ProjectionRebuilds.Kind.REBUILD);
        return ResponseEntity.accepted().body(projections.find(name).orElseThrow());
    }

    @Operation(summary = "Stop the running rebuild or drift check of a read model; the live one stays as it is")
    @DeleteMapping({"/{name}/rebuild", "/{name}/rebuild/", "/{name}/drift-check", "/{name}/drift-check/"})
    public ResponseEntity<Void> cancel(@PathVariable String name) {
        requireRebuildable(name);
        if (!rebuilds.cancel(name)) {
            throw new NotFoundException("No rebuild or drift check of " + name + " is running on this node.");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Rebuild a read model beside the live one and report every row in which they differ "
            + "(zero-drift check); nothing is switched. 202, then GET the report")
    @PostMapping({"/{name}/drift-check", "/{name}/drift-check/"})
    public ResponseEntity<ProjectionRebuilds.RunStatus> driftCheck(@PathVariable String name) {
        requireRebuildable(name);
        var run = start(name, ProjectionRebuilds.Kind.DRIFT_CHECK);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name + "/drift-check"))
                .body(run);
    }

    @Operation(summary = "The running or last drift check of a read model, with every difference once compared")
    @GetMapping({"/{name}/drift-check", "/{name}/drift-check/"})
    public DriftReport driftReport(@PathVariable String name) {
        requireRebuildable(name);
        var run = rebuilds.latest(name, ProjectionRebuilds.Kind.DRIFT_CHECK)
                .orElseThrow(() -> new NotFoundException("No drift check of " + name + " yet."));
        return new DriftReport(run, rebuilds.lastReport(run.id()).orElse(null));
    }

    private ProjectionRebuilds.RunStatus start(String name, ProjectionRebuilds.Kind kind) {
        try {
            return rebuilds.start(name, kind);
        } catch (ProjectionRebuilds.AlreadyRunning running) {
            throw new ConflictException("rebuild-running", "A " + running.run().kind() + " of " + name
                    + " is running (started " + running.run().startedAt() + "); wait for it or stop it first.");
        }
    }

    private void requireRebuildable(String name) {
        projections.find(name).orElseThrow(() -> new NotFoundException("No projection " + name + "."));
        if (rebuilds.rebuildable(name).isEmpty()) {
            throw new BadRequestException("not-rebuildable", "name",
                    name + " cannot be rebuilt (sagas, reactors and same-transaction look-ups are not replayable).");
        }
    }

    /**
     * @param check       the drift check: state {@code compared} once done, {@code differences} how many rows differ
     * @param differences every differing row (at most {@value ProjectionRebuilds#MAX_REPORTED}); null until compared
     */
    public record DriftReport(ProjectionRebuilds.RunStatus check, List<ProjectionRebuilds.Difference> differences) {
    }
}
