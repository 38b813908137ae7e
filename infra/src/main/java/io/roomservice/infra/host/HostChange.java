package io.roomservice.infra.host;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a resource or order update: 202 when something was recorded, 200 when nothing was
 * (a repeat, or an order state older than the recorded one). {@code outcome}: {@code created},
 * {@code changed}, {@code unchanged} or {@code older-state-ignored}.
 */
public record HostChange(boolean changed, String outcome) {

    static ResponseEntity<HostChange> answer(boolean changed, String outcome) {
        return ResponseEntity.status(changed ? HttpStatus.ACCEPTED : HttpStatus.OK).body(new HostChange(changed, outcome));
    }
}
