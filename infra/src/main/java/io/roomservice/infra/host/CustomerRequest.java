package io.roomservice.infra.host;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"name": "<customer name>"}} */
public record CustomerRequest(@NotBlank @Size(max = 255) @NoControlCharacters String name) {
}
