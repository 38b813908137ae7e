package io.roomservice.infra.group;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {"slug": "garden-club", "name": "Garden Club", "url": "https://example.org/garden-club/"}}. The
 * slug makes the rooms' aliases ({@code #<slug>} and {@code #<slug>-private}), so it must be an alias
 * localpart: lower-case letters, digits and {@code . _ = -}.
 */
public record GroupRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9][a-z0-9._=-]*$",
                                   message = "must be lower-case letters, digits and . _ = - (it makes the rooms' aliases)")
                           String slug,
                           @NotBlank @Size(max = 200) @NoControlCharacters String name,
                           @NotBlank @Size(max = 2000) @Pattern(regexp = GroupRequest.URL, message = "must be an http(s) URL")
                           String url) {

    /** http or https, nothing that would end a markdown link destination or a line. */
    static final String URL = "^https?://[^\\s<>\\\\]+$";
}
