package io.roomservice.infra.host;

import io.roomservice.infra.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

/**
 * The answer to a grant or revocation: 202 {@code {"changed": true}} when it was recorded, 200
 * {@code {"changed": false}} when it was already so (the host repeated it).
 */
public record RoleChange(boolean changed) {

    public static final String UNKNOWN_ROLE = "unknown-role";

    static ResponseEntity<RoleChange> answer(Boolean changed) {
        boolean recorded = Boolean.TRUE.equals(changed);
        return ResponseEntity.status(recorded ? HttpStatus.ACCEPTED : HttpStatus.OK).body(new RoleChange(recorded));
    }

    static <R> R role(Optional<R> role, String name, String known) {
        return role.orElseThrow(() -> new BadRequestException(UNKNOWN_ROLE, "role",
                "'" + name + "' is not a role; known roles: " + known + "."));
    }
}
