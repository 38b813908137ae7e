package io.roomservice.infra.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** Builds RFC 9457 problem details with roomservice's stable codes, for advice and filters alike. */
@Component
public class ProblemResponses {

    private static final String TYPE_BASE = "https://roomservice.dev/problems/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return withCode(problem, code);
    }

    /** Gives a problem roomservice's stable code and the type named after it. */
    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The code of an error that no handler of roomservice's described: the servlet container's or a
     * filter's refusal, by its status alone.
     */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "rejected-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "request-refused";
        };
    }

    /** A fixed detail for such an error: the container's own message may echo what was sent. */
    public static String detailFor(int status) {
        return status >= 500 ? "The request could not be completed."
                : "The request was refused before it reached roomservice (" + status + ").";
    }

    public String json(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }

    /** For places outside Spring MVC (security, filters). */
    public void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem(status, code, detail));
    }
}
