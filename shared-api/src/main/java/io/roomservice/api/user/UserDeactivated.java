package io.roomservice.api.user;

import org.axonframework.serialization.Revision;

/** The person lost their access. */
@Revision("1")
public record UserDeactivated(UserId userId) {
}
