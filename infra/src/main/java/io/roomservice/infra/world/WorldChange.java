package io.roomservice.infra.world;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

/**
 * The answer of a world call: 202 when something was recorded, 200 when nothing was (a repeat).
 * {@code outcome} says what: {@code created}, {@code changed}, {@code unchanged}, {@code removed},
 * {@code entered}, {@code renewed}, {@code left}, {@code linked}.
 */
public record WorldChange(boolean changed, String outcome) {

    static ResponseEntity<WorldChange> answer(boolean changed, String outcome) {
        return ResponseEntity.status(changed ? HttpStatus.ACCEPTED : HttpStatus.OK).body(new WorldChange(changed, outcome));
    }

    static ResponseEntity<WorldChange> answer(String outcome) {
        return answer(!"unchanged".equals(outcome), outcome);
    }

    /**
     * A leave, heartbeat or end of membership of a person the virtual office never saw changes nothing:
     * a repeat of the host's, answered as one (no record is made for it).
     */
    static String unchangedWhenUnknown(Supplier<String> send) {
        try {
            return send.get();
        } catch (AggregateNotFoundException neverSeen) {
            return "unchanged";
        }
    }
}
