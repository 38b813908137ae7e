package io.roomservice.api.export;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;

import java.util.Set;

/**
 * Exports newest first, as an {@link ExportPage}. Filters are null when not asked for; the visible sets
 * are null for callers who see everything (staff, support), otherwise the projects and customers whose
 * rooms the caller may see, as the rooms list.
 */
public record ListExports(RoomId roomId, ExportState state, ExportType type, int page, int pageSize,
                          Set<ProjectId> visibleProjects, Set<CustomerId> visibleCustomers) {
}
