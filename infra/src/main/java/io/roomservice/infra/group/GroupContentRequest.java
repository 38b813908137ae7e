package io.roomservice.infra.group;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * {@code {"type": "Article", "title": "...", "url": "https://...", "internal": false, "author": "<uuid>"|null}}:
 * the type label as the announcement shows it; internal content is announced in the private room only.
 */
public record GroupContentRequest(@NotBlank @Size(max = 100) @NoControlCharacters String type,
                                  @NotBlank @Size(max = 500) @NoControlCharacters String title,
                                  @NotBlank @Size(max = 2000) @Pattern(regexp = GroupRequest.URL,
                                          message = "must be an http(s) URL") String url,
                                  @NotNull Boolean internal,
                                  UUID author) {
}
