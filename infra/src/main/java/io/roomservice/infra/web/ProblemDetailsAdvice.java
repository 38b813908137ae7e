package io.roomservice.infra.web;

import io.roomservice.api.common.CommandRejectedException;
import jakarta.persistence.PersistenceException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.LinkedHashMap;

import static io.roomservice.infra.web.ProblemResponses.problem;

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code code}, a human {@code detail}
 * and, for bad input, the offending field.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final long DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        return problem(switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case WRONG_STATE, CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        }, e.code(), e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such record: " + e.getAggregateIdentifier() + ".");
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage()));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "homeserver-unavailable", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "'" + e.getName() + "' has an invalid value.");
        problem.setProperty("field", e.getName());
        return problem;
    }

    /**
     * Still losing the race for one aggregate to other nodes after every retry of {@link Commands}:
     * nothing was stored, and the same request may succeed when sent again.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentUpdate(ConcurrencyException e) {
        return lostToConcurrentUpdates(e);
    }

    private static ProblemDetail lostToConcurrentUpdates(Exception e) {
        log.warn("A command kept losing to concurrent updates of its record: {}", rootMessage(e));
        return problem(HttpStatus.CONFLICT, "concurrent-update",
                "The record was changed concurrently by other requests; nothing was stored. Try again.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        if (DatabaseBusy.causedBy(e)) {
            return databaseBusy(e);
        }
        if (causedBy(e, ConcurrencyException.class)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(lostToConcurrentUpdates(e));
        }
        log.error("A command failed unexpectedly", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed."));
    }

    /**
     * A statement cancelled by roomservice.database.lock-timeout or statement-timeout: 503 with
     * {@code Retry-After}, since the same request may well succeed a moment later (its command's
     * transaction rolled back). Any other database failure goes on as before.
     */
    @ExceptionHandler({DataAccessException.class, JdbcException.class, PersistenceException.class})
    ResponseEntity<ProblemDetail> databaseFailed(RuntimeException e) {
        if (!DatabaseBusy.causedBy(e)) {
            throw e;
        }
        return databaseBusy(e);
    }

    private static ResponseEntity<ProblemDetail> databaseBusy(Exception e) {
        log.warn("A request gave up waiting for the database: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_BUSY_RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-busy",
                        "The database is busy: the request waited too long for it and was cancelled. Try again shortly."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedBy(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", rootMessage(e)));
        }
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON of the expected shape.");
        JsonErrors.field(e).ifPresent(field -> problem.setProperty("field", field));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var errors = new LinkedHashMap<String, String>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(
                JsonErrors.snakeCase(f.getField()), f.getDefaultMessage()));
        var first = errors.entrySet().iterator().next();
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", first.getKey() + " " + first.getValue() + ".");
        problem.setProperty("field", first.getKey());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
