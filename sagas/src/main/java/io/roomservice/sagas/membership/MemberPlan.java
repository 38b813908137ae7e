package io.roomservice.sagas.membership;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.project.ProjectRole;

import java.util.Set;

/**
 * Who belongs in a project's room, and with which power: everyone active with a role in the project,
 * and the customer's owners; project admins and managers and customer owners moderate (50), members
 * talk (0). The bot (100) outranks them all, so it can always demote and kick. Public for the
 * reconciliation of project rooms, which compares the homeserver with the same rule.
 */
public final class MemberPlan {

    static final int MODERATOR = 50;
    static final int MEMBER = 0;

    private static final Set<ProjectRole> MODERATING_PROJECT_ROLES = Set.of(ProjectRole.ADMIN, ProjectRole.MANAGER);

    private MemberPlan() {
    }

    public static boolean belongs(ProjectPeople.Person person) {
        return person.active()
                && (!person.projectRoles().isEmpty() || person.customerRoles().contains(CustomerRole.OWNER));
    }

    public static int powerLevel(ProjectPeople.Person person) {
        boolean moderates = person.projectRoles().stream().anyMatch(MODERATING_PROJECT_ROLES::contains)
                || person.customerRoles().contains(CustomerRole.OWNER);
        return moderates ? MODERATOR : MEMBER;
    }

    static boolean isIn(String membership) {
        return "join".equals(membership) || "invite".equals(membership);
    }

    static String kickReason(ProjectPeople.Person personOrNull) {
        if (personOrNull != null && !personOrNull.active()) {
            return "The account was deactivated.";
        }
        return "No role left in the project.";
    }
}
