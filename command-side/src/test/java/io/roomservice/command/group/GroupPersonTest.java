package io.roomservice.command.group;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.group.DeleteGroupPerson;
import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.group.RecordGroupPerson;
import io.roomservice.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class GroupPersonTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private FixtureConfiguration<GroupPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupPerson.class);
    }

    @Test
    void aPersonIsRecordedWithTheirMatrixId() {
        fixture.givenNoPriorActivity()
                .when(new RecordGroupPerson(ada, "@rs-ada:example.org", false))
                .expectEvents(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .expectResultMessagePayload(true);
    }

    @Test
    void aRepeatChangesNothing() {
        fixture.given(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .when(new RecordGroupPerson(ada, "@rs-ada:example.org", false))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anIdTheyChoseReplacesTheDefaultOne() {
        fixture.given(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .when(new RecordGroupPerson(ada, "@ada:elsewhere.org", true))
                .expectEvents(new GroupPersonMatrixIdChanged(ada, "@rs-ada:example.org", "@ada:elsewhere.org", true));
    }

    @Test
    void aDeletedPersonIsDeletedOnce() {
        fixture.given(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .when(new DeleteGroupPerson(ada))
                .expectEvents(new GroupPersonDeleted(ada, "@rs-ada:example.org"))
                .expectResultMessagePayload(true);
        fixture.given(new GroupPersonRecorded(ada, "@rs-ada:example.org", false),
                        new GroupPersonDeleted(ada, "@rs-ada:example.org"))
                .when(new DeleteGroupPerson(ada))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void deletingAnUnknownPersonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeleteGroupPerson(ada))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedPersonRecordedAgainIsKnownAgain() {
        fixture.given(new GroupPersonRecorded(ada, "@rs-ada:example.org", false),
                        new GroupPersonDeleted(ada, "@rs-ada:example.org"))
                .when(new RecordGroupPerson(ada, "@rs-ada:example.org", false))
                .expectEvents(new GroupPersonRecorded(ada, "@rs-ada:example.org", false));
    }
}
