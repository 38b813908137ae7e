package io.roomservice.infra.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.UUID;

/**
 * A room action taken from the console (a form posted with its CSRF token, confirmed first); the
 * answer is the API's outcome, shown in place by htmx. A refusal keeps the API's status.
 */
@Controller
public class ConsoleActionsController {

    private final RoomActions actions;

    public ConsoleActionsController(RoomActions actions) {
        this.actions = actions;
    }

    @PostMapping("/console/rooms/{uuid}/actions/{action}")
    public String take(@PathVariable UUID uuid, @PathVariable String action, Authentication authentication,
                       HttpServletRequest request, Model model) {
        int status = actions.take(action, uuid, ConsoleUsers.of(authentication), request);
        model.addAttribute("status", status);
        model.addAttribute("message", action + " accepted (" + status + ")");
        return "console/outcome :: outcome";
    }
}
