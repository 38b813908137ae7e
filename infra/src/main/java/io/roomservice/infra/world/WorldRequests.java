package io.roomservice.infra.world;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The bodies of the world endpoints. Tags are single words of text without {@code |} (their separator in Matrix). */
final class WorldRequests {

    static final String TAG = "[^|\\p{Cc}]{1,100}";
    static final String SLUG = "[A-Za-z0-9._-]{1,100}";

    private WorldRequests() {
    }

    /** {@code {"organisation": "acme", "slug": "hq", "name": "..."}}; no slugs: the self-hosted default world. */
    record WorldRequest(@Pattern(regexp = SLUG, message = "must be a slug (letters, digits, . _ -)") String organisation,
                 @Pattern(regexp = SLUG, message = "must be a slug (letters, digits, . _ -)") String slug,
                 @NotBlank @Size(max = 255) @NoControlCharacters String name) {
    }

    /** {@code {"kind": "map|area", "name": "...", "tags": ["..."]}} */
    record WorldRoomRequest(@NotNull @Size(max = 16) String kind,
                @NotBlank @Size(max = 255) @NoControlCharacters String name,
                @Size(max = 50) List<@NotNull @Pattern(regexp = TAG, message = "must be 1 to 100 characters, no | or control characters") String> tags) {
    }

    /** {@code {"tags": ["admin", ...]}} */
    record WorldMemberRequest(@Size(max = 50) List<@NotNull @Pattern(regexp = TAG, message = "must be 1 to 100 characters, no | or control characters") String> tags) {
    }

    /** {@code {"person": uuid}} */
    record PresenceRequest(@NotNull UUID person) {
    }

    /**
     * {@code {"chat_id", "user_identifier", "room_url"}}; the seed's pusher sends them in camelCase
     * ({@code chatId}, {@code userIdentifier}, {@code roomUrl}), which is accepted as it is.
     */
    record ChatIdRequest(@JsonAlias("chatId") @NotBlank @Size(max = 255)
                         @Pattern(regexp = "@[^:\\s]+:[^\\s]+", message = "must be a Matrix user id (@localpart:server)") String chatId,
                         @JsonAlias("userIdentifier") @Size(max = 255) @NoControlCharacters String userIdentifier,
                         @JsonAlias("roomUrl") @Size(max = 2000) @NoControlCharacters String roomUrl) {
    }

    /** Tags without repeats, sorted: the same set of tags is the same membership. */
    static List<String> normalized(List<String> tags) {
        return tags == null ? List.of() : tags.stream().map(String::strip).distinct().sorted().toList();
    }
}
