package io.roomservice.api.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;

import java.util.Set;

/**
 * Lists rooms, newest first; a null filter does not filter.
 *
 * @param visibleProjects  with {@code visibleCustomers}: only rooms of these projects or of these customers'
 *                         projects (null for both: every room, as staff and support see them)
 * @param onlyRooms        only these rooms (e.g. those the caller is a member of); null: no restriction
 * @param search           only rooms whose name contains this, ignoring case; null: no restriction
 */
public record ListRooms(ProjectId projectId, RoomState state, int page, int size, Set<ProjectId> visibleProjects,
                        Set<CustomerId> visibleCustomers, Set<RoomId> onlyRooms, String search) {

    public ListRooms(ProjectId projectId, RoomState state, int page, int size) {
        this(projectId, state, page, size, null, null, null, null);
    }
}
