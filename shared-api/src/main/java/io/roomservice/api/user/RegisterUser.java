package io.roomservice.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a person of the host platform, or updates them: the host may repeat it, and a repeat
 * that changes nothing records nothing. {@code email} may be null.
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String username, String fullName, String email) {

    @Override
    public String toString() {
        return "RegisterUser[userId=" + userId + ", username=" + username + ", fullName=******, email=******]";
    }
}
