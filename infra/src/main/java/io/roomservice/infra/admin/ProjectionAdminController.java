package io.roomservice.infra.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operators watch the projections and rebuild one from the event store while the service runs. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "admin", description = "Operations (staff)")
public class ProjectionAdminController {

    private final Projections projections;

    public ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @Operation(summary = "Every event processor with its position, lag and replay progress")
    @GetMapping({"", "/"})
    public List<Projections.ProcessorStatus> list() {
        return projections.statuses();
    }

    @Operation(summary = "Empty a projection and replay every event into it, while the service runs")
    @PostMapping({"/{name}/rebuild", "/{name}/rebuild/"})
    public ResponseEntity<Projections.ProcessorStatus> rebuild(@PathVariable String name) {
        var status = projections.find(name).orElseThrow(() -> new NotFoundException("No projection " + name + "."));
        if (!status.rebuildable()) {
            throw new BadRequestException("not-rebuildable", "name",
                    name + " cannot be rebuilt (sagas and same-transaction look-ups are not replayable).");
        }
        projections.rebuild(name);
        return ResponseEntity.accepted().body(projections.find(name).orElseThrow());
    }
}
