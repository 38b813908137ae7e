package io.roomservice.api.directory;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.user.UserId;

import java.util.List;
import java.util.Set;

/**
 * The people of a project as the directory knows them.
 *
 * @param position the global index up to which the directory had applied events when it answered;
 *                 a reader that reacts to an event at position p waits until {@code position >= p}
 */
public record ProjectPeople(ProjectId projectId, CustomerId customerId, List<Person> people, long position) {

    /**
     * @param fullName null once the person's personal data was erased
     * @param active   false once the host deactivated the person
     */
    public record Person(UserId userId, String username, String fullName, boolean active,
                         Set<ProjectRole> projectRoles, Set<CustomerRole> customerRoles) {
    }
}
