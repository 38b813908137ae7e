package io.roomservice.infra.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {"slug": "ada", "matrix_id": "@ada:elsewhere.org"|null}}: without {@code matrix_id} the person
 * gets the default id in roomservice's namespace, {@code @<prefix>-<slug>:<domain>}.
 */
public record GroupPersonRequest(@NotBlank @Size(max = 150) @Pattern(regexp = "^[A-Za-z0-9._=/-]+$",
                                         message = "must be letters, digits and . _ = / -") String slug,
                                 @Size(max = 255) @Pattern(regexp = "^@[a-z0-9._=/+-]+:[A-Za-z0-9.-]+(:[0-9]{1,5})?$",
                                         message = "must be a Matrix user id, @localpart:server") String matrixId) {
}
