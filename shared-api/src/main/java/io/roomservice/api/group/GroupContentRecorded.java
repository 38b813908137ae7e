package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** The host pushed new content; it is announced once the group has its rooms. */
@Revision("1")
public record GroupContentRecorded(GroupId groupId, GroupContent content) {
}
