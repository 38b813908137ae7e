package io.roomservice.api.user;

import io.roomservice.api.common.PersonalText;
import org.axonframework.serialization.Revision;

/** The host changed a person's details; carries all of them as they are now. */
@Revision("1")
public record UserUpdated(UserId userId, String username, PersonalText fullName, PersonalText email) {
}
