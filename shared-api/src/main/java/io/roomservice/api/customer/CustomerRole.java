package io.roomservice.api.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * A person's role in a customer (organisation). Owners belong in every project room of the
 * customer, with power level 50; the other roles give no room membership by themselves.
 */
public enum CustomerRole {
    OWNER, SERVICE_MANAGER, SUPPORT;

    /** The name in URLs and JSON: {@code owner}, {@code service_manager}, {@code support}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As notices show it: "Owner", "Service manager", "Support". */
    public String label() {
        String lower = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static Optional<CustomerRole> fromWireName(String name) {
        for (CustomerRole role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
