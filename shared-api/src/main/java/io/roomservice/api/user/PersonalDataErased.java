package io.roomservice.api.user;

import org.axonframework.serialization.Revision;

/** The person's key is gone: every name and e-mail address of theirs reads as erased. */
@Revision("1")
public record PersonalDataErased(UserId userId) {
}
