package io.roomservice.api.group;

import io.roomservice.api.user.UserId;

import java.util.UUID;

/**
 * A piece of new content of a group, as the host pushed it: its type label (as the host names it, e.g.
 * "Article"), title and URL, whether it is internal (members only), and its author (null: unknown).
 */
public record GroupContent(UUID contentId, String type, String title, String url, boolean internal,
                           UserId author) {
}
