package io.roomservice.infra.console;

import io.roomservice.infra.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signing in to the console: the identity provider's login, or the development login. */
@Controller
public class ConsoleLoginController {

    /** The roles the development login offers, with the claims each gives. */
    static final Map<String, Map<String, Object>> ROLES = Map.of(
            "person", Map.of(),
            "support", Map.of(Caller.SUPPORT_CLAIM, true),
            "staff", Map.of(Caller.STAFF_CLAIM, true),
            "auditor", Map.of(Caller.AUDITOR_CLAIM, true));

    private final DevelopmentLogin developmentLogin;
    private final ObjectProvider<InMemoryClientRegistrationRepository> registrations;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public ConsoleLoginController(DevelopmentLogin developmentLogin,
                                  ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
        this.developmentLogin = developmentLogin;
        this.registrations = registrations;
    }

    @GetMapping({"/console", "/console/"})
    public String home() {
        return "redirect:/console/rooms";
    }

    @GetMapping("/console/login")
    public String login(Model model) {
        List<ClientRegistration> providers = new ArrayList<>();
        var repository = registrations.getIfAvailable();
        if (repository != null) {
            repository.forEach(providers::add);
        }
        model.addAttribute("providers", providers);
        model.addAttribute("developmentLogin", developmentLogin.enabled());
        model.addAttribute("suggestedPerson", UUID.randomUUID());
        return "console/login";
    }

    @PostMapping("/console/dev-login")
    public String developmentLogin(@RequestParam("person") UUID person, @RequestParam("role") String role,
                                   HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> claims = ROLES.getOrDefault(role, Map.of());
        ConsoleUser user = ConsoleUser.of(person.toString(), role + " " + person, claims, true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/console/rooms";
    }
}
