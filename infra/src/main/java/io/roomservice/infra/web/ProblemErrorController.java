package io.roomservice.infra.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: what the container forwards here (a filter's
 * {@code sendError}, an exception no advice handled) answers problem+json like every other error,
 * and {@code /error} asked for directly is just a path that does not exist. Hidden from the OpenAPI
 * document, where it was listed as seven operations of the API.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return answer(HttpStatus.NOT_FOUND, ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found",
                    "There is nothing at /error."));
        }
        var resolved = HttpStatus.resolve(status);
        var httpStatus = resolved == null || status < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
        return answer(httpStatus, ProblemResponses.problem(httpStatus, ProblemResponses.codeFor(httpStatus.value()),
                ProblemResponses.detailFor(httpStatus.value())));
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
