package io.roomservice.infra.console;

import io.roomservice.infra.audit.UserAuditController;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** A person's events (staff, auditors), personal data shown as erased once it is. */
@Controller
public class ConsolePeopleController {

    private final UserAuditController audit;

    public ConsolePeopleController(UserAuditController audit) {
        this.audit = audit;
    }

    @GetMapping("/console/people")
    public String find(@RequestParam(name = "person", required = false) UUID person) {
        return person == null ? "redirect:/console/rooms" : "redirect:/console/people/" + person;
    }

    @GetMapping("/console/people/{uuid}")
    public String person(@PathVariable UUID uuid, Authentication authentication, Model model) {
        model.addAttribute("user", ConsoleUsers.of(authentication));
        model.addAttribute("person", uuid);
        model.addAttribute("events", audit.events(uuid).events());
        return "console/person";
    }
}
