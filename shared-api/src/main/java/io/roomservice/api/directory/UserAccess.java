package io.roomservice.api.directory;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;

import java.util.Set;

/**
 * A person's reach: the projects where they hold a role, and the customers they own (owners act on
 * every project of the customer). Empty sets for a person the directory does not know or who is
 * deactivated.
 */
public record UserAccess(UserId userId, boolean known, boolean active, Set<ProjectId> projects,
                         Set<CustomerId> ownedCustomers) {

    public boolean owns(CustomerId customer) {
        return active && ownedCustomers.contains(customer);
    }

    public boolean hasRoleIn(ProjectId project, CustomerId customer) {
        return active && (projects.contains(project) || ownedCustomers.contains(customer));
    }
}
