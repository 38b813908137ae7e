package io.roomservice.api.group;

import io.roomservice.api.user.UserId;
import org.axonframework.serialization.Revision;

/** A person of the groups became known (or known again after a deletion) with their Matrix id. */
@Revision("1")
public record GroupPersonRecorded(UserId userId, String matrixUserId, boolean external) {
}
