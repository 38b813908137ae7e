package io.roomservice.infra.reconciliation;

import io.roomservice.infra.web.ConflictException;
import io.roomservice.sagas.reconciliation.Difference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Runs the reconciliation now: staff see what differs from what the events say, and have it repaired. */
@RestController
@RequestMapping("/api/admin/reconcile")
@Tag(name = "admin", description = "Operating roomservice")
public class ReconciliationController {

    private final Reconciliation reconciliation;

    public ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** {@code {"dry_run": true}} only lists the differences, {@code false} repairs them: always said explicitly. */
    public record ReconcileRequest(@NotNull Boolean dryRun) {
    }

    /**
     * The run: its id (the correlation id of its repairs), whether it was a dry run, every difference found,
     * and the kinds of room whose comparison failed (the homeserver unreachable), with the reason.
     */
    public record ReconcileResponse(UUID runId, boolean dryRun, List<Difference> differences, List<String> failures) {
    }

    @Operation(summary = "Compare every managed room with the homeserver and repair the differences "
            + "(or only list them: dry_run); 409 while a run is going on on this node")
    @PostMapping({"", "/"})
    public ResponseEntity<ReconcileResponse> reconcile(@Valid @RequestBody ReconcileRequest body) {
        try {
            var report = reconciliation.run(body.dryRun());
            return ResponseEntity.ok(new ReconcileResponse(report.runId(), report.dryRun(), report.differences(),
                    report.failures()));
        } catch (Reconciliation.AlreadyRunning running) {
            throw new ConflictException("reconciliation-running", running.getMessage());
        }
    }
}
