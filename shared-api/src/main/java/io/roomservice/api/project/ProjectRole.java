package io.roomservice.api.project;

import java.util.Locale;
import java.util.Optional;

/** A person's role in a project: every role puts them in the project's room; admins and managers moderate (50). */
public enum ProjectRole {
    ADMIN, MANAGER, MEMBER;

    /** The name in URLs and JSON: {@code admin}, {@code manager}, {@code member}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As notices show it, the reference's role names: "Project Admin", "Project Manager", "Project Member". */
    public String label() {
        String lower = name().toLowerCase(Locale.ROOT);
        return "Project " + Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static Optional<ProjectRole> fromWireName(String name) {
        for (ProjectRole role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
