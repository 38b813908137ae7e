package io.roomservice.command.resource;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.RecordResource;
import io.roomservice.api.resource.ResourceChanged;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceRegistered;
import io.roomservice.command.project.KnownProject;
import io.roomservice.command.project.ProjectLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static io.roomservice.api.resource.ResourceState.CREATING;
import static io.roomservice.api.resource.ResourceState.OK;

class ResourceTest {

    private final ResourceId resourceId = new ResourceId(UUID.randomUUID());
    private final ProjectId projectId = ProjectId.random();
    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
        fixture.registerInjectableResource((ProjectLookup) project -> project.equals(projectId)
                ? Optional.of(new KnownProject(projectId, CustomerId.random(), "Apollo", false)) : Optional.empty());
    }

    @Test
    void aNewResourceIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RecordResource(resourceId, projectId, "vm-1", CREATING))
                .expectEvents(new ResourceRegistered(resourceId, projectId, "vm-1", CREATING))
                .expectResultMessagePayload(true);
    }

    @Test
    void aResourceOfAnUnknownProjectIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordResource(resourceId, ProjectId.random(), "vm-1", CREATING))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aChangeOfStateOrNameIsRecordedAndARepeatIsNot() {
        fixture.given(new ResourceRegistered(resourceId, projectId, "vm-1", CREATING))
                .when(new RecordResource(resourceId, projectId, "vm-1", OK))
                .expectEvents(new ResourceChanged(resourceId, projectId, "vm-1", OK))
                .expectResultMessagePayload(true);
        fixture.given(new ResourceRegistered(resourceId, projectId, "vm-1", OK))
                .when(new RecordResource(resourceId, projectId, "vm-1", OK))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aResourceUnderAnotherProjectIsAConflict() {
        fixture.given(new ResourceRegistered(resourceId, projectId, "vm-1", OK))
                .when(new RecordResource(resourceId, ProjectId.random(), "vm-1", OK))
                .expectException(CommandRejectedException.class);
    }
}
