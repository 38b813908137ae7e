package io.roomservice.infra.host;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"name": "<resource name>", "state": "creating|ok|updating|erred|terminating|terminated"}} */
public record ResourceRequest(@NotBlank @Size(max = 255) @NoControlCharacters String name,
                              @NotNull @Size(max = 32) String state) {
}
