package io.roomservice.api.group;

import org.axonframework.serialization.Revision;

/** A group became known; its public and private rooms are provisioned next. */
@Revision("1")
public record GroupRegistered(GroupId groupId, String slug, String name, String url) {
}
