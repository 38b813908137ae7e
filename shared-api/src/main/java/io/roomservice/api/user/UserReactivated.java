package io.roomservice.api.user;

import org.axonframework.serialization.Revision;

/** The person has their access again. */
@Revision("1")
public record UserReactivated(UserId userId) {
}
