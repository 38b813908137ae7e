package io.roomservice.sagas.group;

import io.roomservice.api.group.ChangeGroupMemberMatrixId;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupPersonDeleted;
import io.roomservice.api.group.GroupPersonMatrixIdChanged;
import io.roomservice.api.group.GroupPersonRecorded;
import io.roomservice.api.group.RemoveGroupMember;
import io.roomservice.api.user.UserId;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** A person's new Matrix id and their deletion reach every group they are a member of, and no other. */
class GroupPersonSagaTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final GroupId garden = GroupId.random();
    private final GroupId choir = GroupId.random();
    private final GroupId former = GroupId.random();
    private SagaTestFixture<GroupPersonSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GroupPersonSaga.class);
    }

    @Test
    void aNewMatrixIdIsCarriedToEachGroupOfThePerson() {
        fixture.givenAPublished(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .andThenAPublished(new GroupMemberAdded(garden, ada, "@rs-ada:example.org"))
                .andThenAPublished(new GroupMemberAdded(choir, ada, "@rs-ada:example.org"))
                .andThenAPublished(new GroupMemberAdded(former, ada, "@rs-ada:example.org"))
                .andThenAPublished(new GroupMemberRemoved(former, ada, "@rs-ada:example.org", null, null))
                .whenPublishingA(new GroupPersonMatrixIdChanged(ada, "@rs-ada:example.org", "@ada:elsewhere.org", true))
                .expectDispatchedCommands(new ChangeGroupMemberMatrixId(garden, ada, "@ada:elsewhere.org"),
                        new ChangeGroupMemberMatrixId(choir, ada, "@ada:elsewhere.org"));
    }

    @Test
    void aDeletedPersonLeavesEachOfTheirGroupsAndTheSagaEnds() {
        fixture.givenAPublished(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .andThenAPublished(new GroupMemberAdded(garden, ada, "@rs-ada:example.org"))
                .whenPublishingA(new GroupPersonDeleted(ada, "@rs-ada:example.org"))
                .expectDispatchedCommands(new RemoveGroupMember(garden, ada))
                .expectActiveSagas(0);
    }

    @Test
    void anotherPersonsChangeReachesNoGroupOfThisOne() {
        UserId bob = new UserId(UUID.randomUUID());
        fixture.givenAPublished(new GroupPersonRecorded(ada, "@rs-ada:example.org", false))
                .andThenAPublished(new GroupMemberAdded(garden, ada, "@rs-ada:example.org"))
                .whenPublishingA(new GroupPersonMatrixIdChanged(bob, "@rs-bob:example.org", "@bob:elsewhere.org", true))
                .expectNoDispatchedCommands();
    }
}
