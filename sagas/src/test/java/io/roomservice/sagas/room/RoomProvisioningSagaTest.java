package io.roomservice.sagas.room;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RecordRoomFailure;
import io.roomservice.api.room.RecordRoomProvisioned;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RetryPolicy;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning against a scripted homeserver: success, permanent failure, transient failures retried
 * on the "room-provisioning-retry" deadline with backoff (1s, 2s, ... for this policy), 429 delays,
 * exhaustion after three attempts, and the events that end the saga.
 */
class RoomProvisioningSagaTest {

    private static final String RETRY_DEADLINE = "room-provisioning-retry";
    private static final String NAME = "Apollo";
    private static final ProvisionedRoom PROVISIONED =
            new ProvisionedRoom("!apollo:matrix.example.org", "#apollo:matrix.example.org");

    private final RoomId roomId = RoomId.random();
    private final ProjectId projectId = ProjectId.random();
    private final ScriptedHomeserver homeserver = new ScriptedHomeserver();

    private SagaTestFixture<RoomProvisioningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoomProvisioningSaga.class);
        fixture.registerResource(homeserver);
        fixture.registerResource(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    // ---- success ----------------------------------------------------------------------------------

    @Test
    void aRequestedRoomIsCreatedOnTheHomeserverAndRecordedAsProvisioned() {
        homeserver.willCreate(PROVISIONED);

        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested())
                .expectActiveSagas(1)
                .expectAssociationWith("roomId", roomId.toString())
                .expectDispatchedCommands(provisioned())
                .expectNoScheduledDeadlines();

        assertThat(homeserver.requests()).containsExactly(new RoomSpec(roomId, projectId, NAME));
    }

    @Test
    void theSagaReportsToTheRoomAsTheSystemActor() {
        homeserver.willCreate(PROVISIONED);

        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested());

        assertThat(dispatchedCommands())
                .singleElement()
                .satisfies(command -> assertThat(command.getMetaData())
                        .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void theSagaEndsWhenTheRoomIsActivated() {
        homeserver.willCreate(PROVISIONED);

        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomActivated(roomId, PROVISIONED.matrixRoomId(), PROVISIONED.alias()))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    // ---- permanent failure ------------------------------------------------------------------------

    @Test
    void aPermanentFailurePutsTheRoomInErrorWithTheHomeserversMessageAndIsNotRetried() {
        homeserver.willFail(HomeserverException.permanentFailure("M_FORBIDDEN: the appservice may not create rooms"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();

        assertThat(dispatchedPayloads())
                .singleElement()
                .isInstanceOfSatisfying(RecordRoomFailure.class, failure -> {
                    assertThat(failure.roomId()).isEqualTo(roomId);
                    assertThat(failure.reason()).contains("M_FORBIDDEN: the appservice may not create rooms");
                });
        assertThat(dispatchedCommands()).allSatisfy(command -> assertThat(command.getMetaData())
                .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
        assertThat(homeserver.requests()).hasSize(1);
    }

    // ---- transient failures -----------------------------------------------------------------------

    @Test
    void aTransientFailureSchedulesARetryAfterTheInitialBackoff() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY_DEADLINE);
    }

    @Test
    void theRetryIsNotAttemptedBeforeTheBackoffHasPassed() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null));

        fixture.givenAPublished(creationRequested())
                .whenTimeElapses(Duration.ofMillis(999))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMillis(1), RETRY_DEADLINE);

        assertThat(homeserver.requests()).hasSize(1);
    }

    @Test
    void theRetryCreatesTheRoomWhenTheBackoffHasPassed() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willCreate(PROVISIONED);

        fixture.givenAPublished(creationRequested())
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(RETRY_DEADLINE)
                .expectDispatchedCommands(provisioned())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);

        assertThat(homeserver.requests()).hasSize(2);
        assertThat(dispatchedCommands()).allSatisfy(command -> assertThat(command.getMetaData())
                .containsEntry(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM_ACTOR));
    }

    @Test
    void theBackoffDoublesAfterEachTransientFailure() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willFail(HomeserverException.transientFailure("connection refused", null));

        fixture.givenAPublished(creationRequested())
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), RETRY_DEADLINE);
    }

    @Test
    void transientFailuresPutTheRoomInErrorOnceTheAttemptsAreExhausted() throws Exception {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willFail(HomeserverException.transientFailure("504 Gateway Timeout", null));

        fixture.givenAPublished(creationRequested())
                .andThenTimeElapses(Duration.ofSeconds(1))
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectNoScheduledDeadlines();

        assertThat(dispatchedPayloads())
                .singleElement()
                .isInstanceOfSatisfying(RecordRoomFailure.class, failure -> {
                    assertThat(failure.roomId()).isEqualTo(roomId);
                    assertThat(failure.reason()).contains("after 3 attempts").contains("504 Gateway Timeout");
                });
        assertThat(homeserver.requests()).hasSize(3);
    }

    @Test
    void aRateLimitWaitsAsLongAsTheHomeserverAskedWhenThatIsLongerThanTheBackoff() {
        homeserver.willFail(HomeserverException.rateLimited("429 M_LIMIT_EXCEEDED", Duration.ofSeconds(20)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(creationRequested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY_DEADLINE);
    }

    // ---- retry and reprovisioning -----------------------------------------------------------------

    @Test
    void aRetryOfARoomWaitingForItsNextAttemptTriesAgainAtOnceAndDropsTheWaitingAttempt() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willCreate(PROVISIONED);

        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomProvisioningRetried(roomId, projectId, NAME))
                .expectActiveSagas(1)
                .expectDispatchedCommands(provisioned())
                .expectNoScheduledDeadlines();

        assertThat(homeserver.requests()).hasSize(2);
    }

    @Test
    void aRetryStartsAFreshRoundOfAttempts() throws Exception {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willFail(HomeserverException.transientFailure("502 Bad Gateway", null))
                .willFail(HomeserverException.transientFailure("502 Bad Gateway", null));

        fixture.givenAPublished(creationRequested())
                .andThenTimeElapses(Duration.ofSeconds(1))
                .whenPublishingA(new RoomProvisioningRetried(roomId, projectId, NAME))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(2), RETRY_DEADLINE);
    }

    @Test
    void aRetryOfARoomInErrorStartsProvisioningAgain() {
        homeserver.willCreate(PROVISIONED);

        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomProvisioningRetried(roomId, projectId, NAME))
                .expectActiveSagas(1)
                .expectDispatchedCommands(provisioned());

        assertThat(homeserver.requests()).containsExactly(new RoomSpec(roomId, projectId, NAME));
    }

    @Test
    void reprovisioningCreatesTheRoomAgain() {
        homeserver.willCreate(new ProvisionedRoom("!apollo:new-homeserver.example.org", PROVISIONED.alias()));

        fixture.givenNoPriorActivity()
                .whenPublishingA(new RoomReprovisioningStarted(roomId, projectId, NAME, PROVISIONED.matrixRoomId()))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RecordRoomProvisioned(roomId, "!apollo:new-homeserver.example.org", PROVISIONED.alias()));

        assertThat(homeserver.requests()).containsExactly(new RoomSpec(roomId, projectId, NAME));
    }

    // ---- ends -------------------------------------------------------------------------------------

    @Test
    void theSagaEndsWhenTheRoomFailed() {
        homeserver.willFail(HomeserverException.permanentFailure("M_FORBIDDEN"));

        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomFailed(roomId, RoomState.CREATING, "Creating the room failed: M_FORBIDDEN"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheRoomIsDeletedAndDropsItsWaitingAttempt() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null));

        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomDeleted(roomId, projectId))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void eventsOfAnotherRoomLeaveTheSagaAlone() {
        homeserver.willFail(HomeserverException.transientFailure("502 Bad Gateway", null));

        fixture.givenAPublished(creationRequested())
                .whenPublishingA(new RoomDeleted(RoomId.random(), projectId))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY_DEADLINE);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private RoomCreationRequested creationRequested() {
        return new RoomCreationRequested(roomId, projectId, CustomerId.random(), NAME);
    }

    private RecordRoomProvisioned provisioned() {
        return new RecordRoomProvisioned(roomId, PROVISIONED.matrixRoomId(), PROVISIONED.alias());
    }

    /** The commands dispatched in the when-phase, with their metadata. */
    private List<CommandMessage<?>> dispatchedCommands() {
        return fixture.getCommandBus().getDispatchedCommands();
    }

    private List<Object> dispatchedPayloads() {
        return dispatchedCommands().stream().<Object>map(CommandMessage::getPayload).toList();
    }

    /** A homeserver that answers each call with the next scripted outcome and remembers what it was asked. */
    static final class ScriptedHomeserver implements Homeserver {

        private final Deque<Supplier<ProvisionedRoom>> outcomes = new ArrayDeque<>();
        private final List<RoomSpec> requests = new ArrayList<>();

        ScriptedHomeserver willCreate(ProvisionedRoom room) {
            outcomes.add(() -> room);
            return this;
        }

        ScriptedHomeserver willFail(HomeserverException failure) {
            outcomes.add(() -> {
                throw failure;
            });
            return this;
        }

        List<RoomSpec> requests() {
            return requests;
        }

        @Override
        public ProvisionedRoom createRoom(RoomSpec spec) {
            requests.add(spec);
            var outcome = outcomes.poll();
            if (outcome == null) {
                throw new AssertionError("the homeserver was not expected to be called again: " + spec);
            }
            return outcome.get();
        }
    }
}
