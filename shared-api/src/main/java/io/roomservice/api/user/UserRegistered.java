package io.roomservice.api.user;

import io.roomservice.api.common.PersonalText;
import org.axonframework.serialization.Revision;

/** A person became known; their name and e-mail address are encrypted with their own key. */
@Revision("1")
public record UserRegistered(UserId userId, String username, PersonalText fullName, PersonalText email) {
}
