package io.roomservice.infra.console;

import io.roomservice.infra.admin.ProjectionAdminController;
import io.roomservice.infra.admin.Projections;
import io.roomservice.infra.appservice.AppserviceAdminController;
import io.roomservice.infra.deadletters.DeadLetterAdminController;
import io.roomservice.infra.migration.HomeserverMigrationController;
import io.roomservice.infra.migration.StartMigrationRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * Operations (staff): event processors with position, lag and a live rebuild bar, parked events,
 * homeserver migrations, diagnostics and the appservice's status, each through the API's controller.
 */
@Controller
@RequestMapping("/console/operations")
public class ConsoleOperationsController {

    private final ProjectionAdminController projections;
    private final DeadLetterAdminController deadLetters;
    private final HomeserverMigrationController migrations;
    private final AppserviceAdminController appservice;
    private final ProcessorProgress progress;

    public ConsoleOperationsController(ProjectionAdminController projections, DeadLetterAdminController deadLetters,
                                       HomeserverMigrationController migrations, AppserviceAdminController appservice,
                                       ProcessorProgress progress) {
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.migrations = migrations;
        this.appservice = appservice;
        this.progress = progress;
    }

    @GetMapping({"", "/"})
    public String operations(Authentication authentication, Model model) {
        List<Projections.ProcessorStatus> processors = projections.list();
        model.addAttribute("user", ConsoleUsers.of(authentication));
        model.addAttribute("processors", processors);
        model.addAttribute("parked", processors.stream()
                .filter(p -> p.parkedEvents() != null && p.parkedEvents() > 0)
                .map(p -> deadLetters.list(p.name())).toList());
        model.addAttribute("migrations", migrations.list());
        model.addAttribute("diagnostics", appservice.diagnostics());
        model.addAttribute("appservice", appservice.status());
        return "console/operations";
    }

    /** The processors' positions and rebuild progress, pushed every half second while the page is open. */
    @GetMapping("/progress")
    public SseEmitter progress() {
        return progress.stream();
    }

    @PostMapping("/processors/{name}/rebuild")
    public String rebuild(@PathVariable String name, Model model) {
        var answer = projections.rebuild(name);
        return outcome(model, answer.getStatusCode().value(), "Rebuild of " + name + " started");
    }

    @PostMapping("/processors/{name}/drift-check")
    public String driftCheck(@PathVariable String name, Model model) {
        var answer = projections.driftCheck(name);
        return outcome(model, answer.getStatusCode().value(), "Drift check of " + name + " started");
    }

    @GetMapping("/processors/{name}/drift-check")
    public String driftReport(@PathVariable String name, Model model) {
        model.addAttribute("report", projections.driftReport(name));
        return "console/operations :: drift";
    }

    @PostMapping("/dead-letters/{name}/retry")
    public String retry(@PathVariable String name, Model model) {
        var retried = deadLetters.retry(name);
        return outcome(model, 200, "Retried " + retried.sequences() + " sequences; " + retried.stillParked()
                + " events still parked");
    }

    @PostMapping("/dead-letters/{name}/evict")
    public String evict(@PathVariable String name, Model model) {
        return outcome(model, 200, "Evicted " + deadLetters.evictAll(name).events() + " events");
    }

    @PostMapping("/migrations/dry-run")
    public String dryRun(Authentication authentication, HttpServletRequest request, Model model) {
        var plan = migrations.start(new StartMigrationRequest(true), ConsoleUsers.of(authentication).token(), request);
        model.addAttribute("plan", plan.getBody());
        return "console/operations :: plan";
    }

    private static String outcome(Model model, int status, String message) {
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "console/outcome :: outcome";
    }
}
