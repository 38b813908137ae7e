package io.roomservice.infra.host;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** {@code {"customer": "<customer uuid>", "name": "<project name>"}} */
public record ProjectRequest(@NotNull UUID customer, @NotBlank @Size(max = 255) @NoControlCharacters String name) {
}
