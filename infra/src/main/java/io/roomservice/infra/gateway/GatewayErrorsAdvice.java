package io.roomservice.infra.gateway;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/**
 * The gateway follows its specification, not roomservice's problem+json: every refusal of a gateway
 * controller is the envelope {@code {error, message}}. Ahead of the application's advice, and only for
 * the gateway's controllers.
 */
@RestControllerAdvice(assignableTypes = {GatewayRoomController.class, GatewayMessageController.class,
        GatewayMembershipController.class, GatewayUserController.class, GatewayMediaController.class,
        GatewayWebhookController.class, GatewaySyncController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayErrorsAdvice {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorsAdvice.class);

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Map<String, String>> refused(GatewayException e) {
        return GatewayEnvelope.entity(e.status(), e.error(), e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e) {
        return GatewayEnvelope.entity(HttpStatus.BAD_REQUEST, GatewayException.BAD_JSON,
                e instanceof HttpMessageNotReadableException
                        ? "The body is not valid JSON of the expected shape."
                        : "A query parameter is missing or malformed.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return GatewayEnvelope.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, GatewayException.BAD_JSON,
                "The body must be application/json.");
    }

    @ExceptionHandler(HomeserverException.class)
    ResponseEntity<Map<String, String>> homeserver(HomeserverException e) {
        if (e.isRateLimited()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1,
                            e.retryAfter().map(d -> d.toSeconds()).orElse(1L))))
                    .body(GatewayEnvelope.body(GatewayException.LIMIT_EXCEEDED, e.getMessage()));
        }
        return GatewayEnvelope.entity(HttpStatus.INTERNAL_SERVER_ERROR, GatewayException.UNKNOWN, e.getMessage());
    }

    @ExceptionHandler({CommandRejectedException.class, AggregateNotFoundException.class})
    ResponseEntity<Map<String, String>> rejected(RuntimeException e) {
        if (e instanceof CommandRejectedException rejected && rejected.reason() != RejectionReason.NOT_FOUND) {
            return GatewayEnvelope.entity(HttpStatus.BAD_REQUEST, GatewayException.BAD_JSON, e.getMessage());
        }
        return GatewayEnvelope.entity(HttpStatus.NOT_FOUND, GatewayException.NOT_FOUND, "Not found.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> internal(Exception e) {
        log.error("Gateway request failed", e);
        return GatewayEnvelope.entity(HttpStatus.INTERNAL_SERVER_ERROR, GatewayException.INTERNAL_ERROR,
                "The gateway failed; the error is logged.");
    }
}
