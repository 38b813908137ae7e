package io.roomservice.command.group;

import io.roomservice.api.group.GroupContent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The content a {@link Group} recorded (each announced once, however often the host pushes it) and what
 * waits for the group's rooms. Part of the group's state, changed only by its event sourcing handlers.
 */
final class GroupContents {

    private final Set<UUID> recorded = new HashSet<>();
    private final List<GroupContent> waiting = new ArrayList<>();

    boolean knows(UUID contentId) {
        return recorded.contains(contentId);
    }

    /** Content recorded before the group had its rooms, to announce once it has them. */
    List<GroupContent> waiting() {
        return List.copyOf(waiting);
    }

    void record(GroupContent content, boolean roomsExist) {
        recorded.add(content.contentId());
        if (!roomsExist) {
            waiting.add(content);
        }
    }

    void roomsMade() {
        waiting.clear();
    }
}
