package io.roomservice.infra.host;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code {"type": "Create", "offering": "<offering name>", "resource": "<resource uuid>"|null,
 * "state": "pending-consumer|...", "created": "<ISO instant>", "requested_by": "<person uuid>"|null}};
 * {@code requested_by} null means the system asked.
 */
public record OrderRequest(@NotBlank @Size(max = 100) @NoControlCharacters String type,
                           @NotBlank @Size(max = 255) @NoControlCharacters String offering,
                           UUID resource,
                           @NotNull @Size(max = 32) String state,
                           @NotNull Instant created,
                           UUID requestedBy) {
}
