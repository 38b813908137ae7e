package io.roomservice.infra.web;

import io.roomservice.api.common.CommandRejectedException;
import jakarta.persistence.PersistenceException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.LinkedHashMap;
import java.util.concurrent.CompletionException;

import static io.roomservice.infra.web.ProblemResponses.problem;

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code code}, a human {@code detail}
 * and, for bad input, the offending field.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final long DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

    /** Long enough for a restarting or failing-over PostgreSQL not to be hammered by every client. */
    private static final long DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

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

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
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
     * Axon loads an aggregate by its identifier alone: a uuid that already names a record of another
     * kind (a person's used for a project) loads events that never initialize this kind, and Axon
     * refuses it before anything is stored.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail identifierInUse(IncompatibleAggregateException e) {
        return problem(HttpStatus.CONFLICT, "identifier-in-use",
                "This uuid already names another kind of record (a person, customer, project or room).");
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
        if (e.getCause() instanceof IncompatibleAggregateException incompatible) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(identifierInUse(incompatible));
        }
        var database = databaseAnswer(e);
        if (database != null) {
            return database;
        }
        if (causedBy(e, ConcurrencyException.class)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(lostToConcurrentUpdates(e));
        }
        log.error("A command failed unexpectedly", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed."));
    }

    /**
     * A database failure the caller can retry is 503 with {@code Retry-After} (the request's command
     * rolled back); wherever it is wrapped (Spring's, Axon's, a query's exceptions), it is found in the
     * cause chain. Any other failure goes on as before.
     */
    @ExceptionHandler({DataAccessException.class, JdbcException.class, PersistenceException.class,
            TransactionException.class, QueryExecutionException.class, CompletionException.class})
    ResponseEntity<ProblemDetail> databaseFailed(RuntimeException e) {
        var answer = databaseAnswer(e);
        if (answer == null) {
            throw e;
        }
        return answer;
    }

    private static ResponseEntity<ProblemDetail> databaseAnswer(Exception e) {
        if (DatabaseFailures.busy(e)) {
            log.warn("A request gave up waiting for the database: {}", rootMessage(e));
            return serviceUnavailable(DATABASE_BUSY_RETRY_AFTER_SECONDS, "database-busy",
                    "The database is busy: the request waited too long for it and was cancelled. Try again shortly.");
        }
        if (DatabaseFailures.unavailable(e)) {
            log.warn("A request found no database connection: {}", rootMessage(e));
            return serviceUnavailable(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS, "database-unavailable",
                    "The database cannot be reached. Nothing was recorded; try again shortly.");
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(long retryAfterSeconds, String code, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail));
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

    /**
     * Spring MVC's own refusals (a method the path does not have: 405; a body of another media type
     * than JSON, or none with a body: 415; a response it cannot write: 500) come as problem details
     * without roomservice's code and type; they get the code of their status like the container's.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ProblemResponses.withCode(problem, ProblemResponses.codeFor(status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
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
