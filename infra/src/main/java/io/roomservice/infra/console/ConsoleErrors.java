package io.roomservice.infra.console;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.ForbiddenException;
import io.roomservice.infra.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The API's refusals, shown on a console page with the API's status: 403 stays 403, 404 stays 404, a
 * refused command 400 or 409 with its reason.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.FORBIDDEN, e.getMessage(), response, model);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), response, model);
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), response, model);
    }

    @ExceptionHandler(CommandRejectedException.class)
    String rejected(CommandRejectedException e, HttpServletResponse response, Model model) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case WRONG_STATE, CONFLICT -> HttpStatus.CONFLICT;
        };
        return page(status, e.getMessage(), response, model);
    }

    private static String page(HttpStatus status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "console/outcome :: outcome";
    }
}
