package io.roomservice.api.room;

import io.roomservice.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** Provisioning was queued again; carries what the provisioning saga needs. */
@Revision("1")
public record RoomProvisioningRetried(RoomId roomId, ProjectId projectId, String name) implements RoomEvent {
}
