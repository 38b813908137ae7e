package io.roomservice.infra.console;

import io.roomservice.infra.host.HostProjectController;
import io.roomservice.infra.host.ProjectRequest;
import io.roomservice.infra.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Development only (while the development login exists): registers a project as the host platform
 * would, so that a newcomer can walk a room through its life from the browser alone. In production
 * projects come from the host platform and this answers 403.
 */
@Controller
public class DevelopmentProjectsController {

    private final DevelopmentLogin developmentLogin;
    private final HostProjectController projects;

    public DevelopmentProjectsController(DevelopmentLogin developmentLogin, HostProjectController projects) {
        this.developmentLogin = developmentLogin;
        this.projects = projects;
    }

    @PostMapping("/console/dev-projects")
    public String register(@RequestParam("name") String name, HttpServletRequest request) {
        if (!developmentLogin.enabled()) {
            throw new ForbiddenException("Projects come from the host platform.");
        }
        UUID project = UUID.randomUUID();
        projects.register(project, new ProjectRequest(UUID.randomUUID(), name), host(), request);
        return "redirect:/console/rooms?new_project=" + project;
    }

    private static Jwt host() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("console-development").header("alg", "none").subject("host")
                .claim("scope", "host").issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(1))).build();
    }
}
